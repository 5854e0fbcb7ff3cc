package runtime

import "testing"

func TestParseResolve(t *testing.T) {
	m, err := ParseResolve("Example.com:80=127.0.0.1:8080, example.org:443=127.0.0.1:9")
	if err != nil {
		t.Fatal(err)
	}
	e := &Env{resolve: m}
	for in, want := range map[string]string{
		"example.com:80":  "127.0.0.1:8080",
		"EXAMPLE.COM:80":  "127.0.0.1:8080",
		"example.com:81":  "example.com:81",
		"example.org:443": "127.0.0.1:9",
		"127.0.0.1:1":     "127.0.0.1:1",
	} {
		if got := e.ResolveAddr(in); got != want {
			t.Errorf("ResolveAddr(%q) = %q, want %q", in, got, want)
		}
	}
	for _, bad := range []string{"example.com", "example.com:80", "a:1=b", "=1.2.3.4:5"} {
		if _, err := ParseResolve(bad); err == nil {
			t.Errorf("ParseResolve(%q): no error", bad)
		}
	}
	if m, err := ParseResolve(""); err != nil || len(m) != 0 {
		t.Errorf("ParseResolve(\"\") = %v, %v", m, err)
	}
}
