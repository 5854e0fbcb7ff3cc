package jsonscan

import (
	"strconv"
	"strings"
	"testing"
)

// canon builds the same canonical text as the generator's canon() in Python.
type canon struct{}

func (canon) Null() string                   { return "null" }
func (canon) Bool(b bool) string             { return strconv.FormatBool(b) }
func (canon) Int(d string) (string, error)   { return "i" + d, nil }
func (canon) Float(l string) (string, error) { return "f" + l, nil }
func (canon) Str(s string) string            { return "s" + s }
func (canon) Array(items []string) (string, error) {
	return "[" + strings.Join(items, ",") + "]", nil
}
func (canon) Object(keys, vals []string) (string, error) {
	parts := make([]string, len(keys))
	for i := range keys {
		parts[i] = "s" + keys[i] + ":" + vals[i]
	}
	return "{" + strings.Join(parts, ",") + "}", nil
}

func TestErrorsMatchCPython(t *testing.T) {
	for _, c := range errorCases {
		_, err := Decode[string](c.doc, canon{}, true)
		if err == nil || err.Error() != c.want {
			t.Errorf("loads(%q): got %v, want %s", c.doc, err, c.want)
		}
	}
}

// TestDecodeStructure checks structure and literals; number and string
// spellings are compared loosely since the test builder does not convert.
func TestDecodeStructure(t *testing.T) {
	want := map[string]string{
		`[]`:                           `[]`,
		` {"a": [true, false, null]} `: `{sa:[true,false,null]}`,
		`"\ud83d\ude00\/\""`:           "s😀/\"",
		`[-Infinity, Infinity, NaN]`:   `[f-Infinity,fInfinity,fNaN]`,
		`[1e5, 1E-2, 0, -1.5, 12345]`:  `[f1e5,f1E-2,i0,f-1.5,i12345]`,
		"\"d\\n\\u00e9\"":              "sd\né",
		`{"x": {"y": []}, "z": "\t"}`:  "{sx:{sy:[]},sz:s\t}",
		"[1.5e, 2]":                    "",
	}
	for doc, w := range want {
		got, err := Decode[string](doc, canon{}, true)
		if w == "" {
			if err == nil {
				t.Errorf("loads(%q) = %q, want an error", doc, got)
			}
			continue
		}
		if err != nil || got != w {
			t.Errorf("loads(%q) = %q, %v; want %q", doc, got, err, w)
		}
	}
	if _, err := Decode[string]("\"\t\"", canon{}, false); err != nil {
		t.Errorf("strict=False rejected a tab: %v", err)
	}
}

func TestQuoteMatchesCPython(t *testing.T) {
	for _, c := range quoteCases {
		if got := Quote(c.s, c.ascii); got != c.want {
			t.Errorf("Quote(%q, %v) = %s, want %s", c.s, c.ascii, got, c.want)
		}
	}
}

type limited struct{ canon }

func (limited) MaxDepth() int { return 3 }

func TestDepthLimit(t *testing.T) {
	if _, err := Decode[string]("[[[1]]]", limited{}, true); err != nil {
		t.Errorf("depth 3 rejected: %v", err)
	}
	_, err := Decode[string]("[[{\"a\": [1]}]]", limited{}, true)
	if de, ok := err.(*DepthError); !ok || de.Kind != "array" {
		t.Errorf("depth 4: got %v, want a DepthError for an array", err)
	}
}
