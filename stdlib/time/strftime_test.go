package time

import (
	"testing"
	gotime "time"
)

// Expected strings from CPython 3.11's time.strftime (C locale).
func TestStrftime(t *testing.T) {
	tm := gotime.Date(2024, 3, 5, 14, 7, 9, 0, gotime.UTC)
	cases := map[string]string{
		"%Y-%m-%d %H:%M:%S":       "2024-03-05 14:07:09",
		"%a %A %b %B %j %w %U %W": "Tue Tuesday Mar March 065 2 09 10",
		"%c":                      "Tue Mar  5 14:07:09 2024",
		"%x %X %y %I %p %%":       "03/05/24 14:07:09 24 02 PM %",
	}
	for f, want := range cases {
		if got := strftimeGo(f, tm, nil); got != want {
			t.Errorf("strftime(%q) = %q, want %q", f, got, want)
		}
	}
}
