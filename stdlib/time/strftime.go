package time

import (
	"fmt"
	"strings"
	gotime "time"
)

var (
	dayNames   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// strftimeGo formats t as C's strftime in the C locale. fields, when not
// nil, are the 9 items of the struct_time given (wday and yday are taken
// from them, as C does).
func strftimeGo(format string, t gotime.Time, fields []int64) string {
	wday := (int(t.Weekday()) + 6) % 7 // Monday = 0
	yday := t.YearDay()
	if fields != nil {
		wday = int(((fields[6] % 7) + 7) % 7)
		yday = int(fields[7])
	}
	sunday := (wday + 1) % 7 // Sunday = 0
	var sb strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			sb.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'a':
			sb.WriteString(dayNames[wday][:3])
		case 'A':
			sb.WriteString(dayNames[wday])
		case 'b', 'h':
			sb.WriteString(monthNames[t.Month()-1][:3])
		case 'B':
			sb.WriteString(monthNames[t.Month()-1])
		case 'c':
			sb.WriteString(strftimeGo("%a %b %e %H:%M:%S %Y", t, fields))
		case 'C':
			fmt.Fprintf(&sb, "%02d", t.Year()/100)
		case 'd':
			fmt.Fprintf(&sb, "%02d", t.Day())
		case 'D':
			sb.WriteString(strftimeGo("%m/%d/%y", t, fields))
		case 'e':
			fmt.Fprintf(&sb, "%2d", t.Day())
		case 'F':
			sb.WriteString(strftimeGo("%Y-%m-%d", t, fields))
		case 'G':
			y, _ := t.ISOWeek()
			fmt.Fprintf(&sb, "%d", y)
		case 'g':
			y, _ := t.ISOWeek()
			fmt.Fprintf(&sb, "%02d", y%100)
		case 'H':
			fmt.Fprintf(&sb, "%02d", t.Hour())
		case 'I':
			fmt.Fprintf(&sb, "%02d", (t.Hour()+11)%12+1)
		case 'j':
			fmt.Fprintf(&sb, "%03d", yday)
		case 'k':
			fmt.Fprintf(&sb, "%2d", t.Hour())
		case 'l':
			fmt.Fprintf(&sb, "%2d", (t.Hour()+11)%12+1)
		case 'm':
			fmt.Fprintf(&sb, "%02d", int(t.Month()))
		case 'M':
			fmt.Fprintf(&sb, "%02d", t.Minute())
		case 'n':
			sb.WriteByte('\n')
		case 'p':
			if t.Hour() < 12 {
				sb.WriteString("AM")
			} else {
				sb.WriteString("PM")
			}
		case 'P':
			if t.Hour() < 12 {
				sb.WriteString("am")
			} else {
				sb.WriteString("pm")
			}
		case 'r':
			sb.WriteString(strftimeGo("%I:%M:%S %p", t, fields))
		case 'R':
			sb.WriteString(strftimeGo("%H:%M", t, fields))
		case 's':
			fmt.Fprintf(&sb, "%d", t.Unix())
		case 'S':
			fmt.Fprintf(&sb, "%02d", t.Second())
		case 't':
			sb.WriteByte('\t')
		case 'T', 'X':
			sb.WriteString(strftimeGo("%H:%M:%S", t, fields))
		case 'u':
			fmt.Fprintf(&sb, "%d", wday+1)
		case 'U':
			fmt.Fprintf(&sb, "%02d", (yday-1+7-sunday)/7)
		case 'V':
			_, w := t.ISOWeek()
			fmt.Fprintf(&sb, "%02d", w)
		case 'w':
			fmt.Fprintf(&sb, "%d", sunday)
		case 'W':
			fmt.Fprintf(&sb, "%02d", (yday-1+7-wday)/7)
		case 'x':
			sb.WriteString(strftimeGo("%m/%d/%y", t, fields))
		case 'y':
			fmt.Fprintf(&sb, "%02d", t.Year()%100)
		case 'Y':
			fmt.Fprintf(&sb, "%d", t.Year())
		case 'z':
			_, off := t.Zone()
			sign := '+'
			if off < 0 {
				sign, off = '-', -off
			}
			fmt.Fprintf(&sb, "%c%02d%02d", sign, off/3600, off/60%60)
		case 'Z':
			z, _ := t.Zone()
			sb.WriteString(z)
		case '%':
			sb.WriteByte('%')
		default:
			sb.WriteByte('%')
			sb.WriteByte(format[i])
		}
	}
	return sb.String()
}
