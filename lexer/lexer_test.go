package lexer

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pya-lang/pya/ast"
)

// dump renders tokens compactly: value@line:col, with layout tokens by name.
func dump(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch t.Type {
		case Newline:
			b.WriteString("NL")
		case Indent:
			b.WriteString("IN")
		case Dedent:
			b.WriteString("DE")
		case EOF:
			b.WriteString("EOF")
		case Keyword, StmtKw, BlockKw:
			b.WriteString("kw:" + t.Value)
		case Int, Float, Imag:
			b.WriteString(KindName(t.Type) + ":" + t.Value)
		default:
			b.WriteString(t.Value)
		}
		fmt.Fprintf(&b, "@%d:%d", t.Pos.Line, t.Pos.Column)
	}
	return b.String()
}

func TestTokens(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = 1\n", "x@1:1 =@1:3 Int:1@1:5 NL@1:6 EOF@2:1"},
		{"x", "x@1:1 NL@1:2 EOF@1:2"},
		{"if x:\n    y\n", "kw:if@1:1 x@1:4 :@1:5 NL@1:6 IN@2:5 y@2:5 NL@2:6 DE@3:1 EOF@3:1"},
		{"if x:\n  if y:\n    z\nw\n", "kw:if@1:1 x@1:4 :@1:5 NL@1:6 IN@2:3 kw:if@2:3 y@2:6 :@2:7 NL@2:8 IN@3:5 z@3:5 NL@3:6 DE@4:1 DE@4:1 w@4:1 NL@4:2 EOF@5:1"},
		{"if x:\n  y", "kw:if@1:1 x@1:4 :@1:5 NL@1:6 IN@2:3 y@2:3 NL@2:4 DE@2:4 EOF@2:4"},
		{"f(a,\n  b)\n", "f@1:1 (@1:2 a@1:3 ,@1:4 b@2:3 )@2:4 NL@2:5 EOF@3:1"},
		{"x = 1 + \\\n  2\n", "x@1:1 =@1:3 Int:1@1:5 +@1:7 Int:2@2:3 NL@2:4 EOF@3:1"},
		{"\n\n# c\n  # d\nx # e\n\n", "x@5:1 NL@5:3 EOF@7:1"},
		{"é = 'ü'; π", "é@1:1 =@1:3 'ü'@1:5 ;@1:8 π@1:10 NL@1:11 EOF@1:11"},
		{"async await match", "kw:async@1:1 kw:await@1:7 match@1:13 NL@1:18 EOF@1:18"},
		{"0x_ff 0o17 0b1_0 1_000 00 123456789012345678901234567890", "Int:0x_ff@1:1 Int:0o17@1:7 Int:0b1_0@1:12 Int:1_000@1:18 Int:00@1:24 Int:123456789012345678901234567890@1:27 NL@1:57 EOF@1:57"},
		{"1.5 .5 5. 1e10 1E-5 1_000.5 1.e5 3j 1.5J 1e3j 09.5", "Float:1.5@1:1 Float:.5@1:5 Float:5.@1:8 Float:1e10@1:11 Float:1E-5@1:16 Float:1_000.5@1:21 Float:1.e5@1:29 Imag:3j@1:34 Imag:1.5J@1:37 Imag:1e3j@1:42 Float:09.5@1:47 NL@1:51 EOF@1:51"},
		{"1if x else 2", "Int:1@1:1 kw:if@1:2 x@1:5 kw:else@1:7 Int:2@1:12 NL@1:13 EOF@1:13"},
		{"a.b ... x**=2 y//=3 z->w a:=b c@d !=", "a@1:1 .@1:2 b@1:3 ...@1:5 x@1:9 **=@1:10 Int:2@1:13 y@1:15 //=@1:16 Int:3@1:19 z@1:21 ->@1:22 w@1:24 a@1:26 :=@1:27 b@1:29 c@1:31 @@1:32 d@1:33 !=@1:35 NL@1:37 EOF@1:37"},
		{`r'\d' b"x" f'{a}' Rb'' BR"" fR'' u'x' rf"""a` + "\n" + `b"""`, `r'\d'@1:1 b"x"@1:7 f'{a}'@1:12 Rb''@1:19 BR""@1:24 fR''@1:29 u'x'@1:34 rf"""a` + "\n" + `b"""@1:39 NL@2:5 EOF@2:5`},
		{"'a\\'b' \"\\\"\"", `'a\'b'@1:1 "\""@1:8 NL@1:12 EOF@1:12`},
		{"x = '''a\n\nb''' + y\n", "x@1:1 =@1:3 '''a\n\nb'''@1:5 +@3:6 y@3:8 NL@3:9 EOF@4:1"},
		{"if x:\n\tpass\n", "kw:if@1:1 x@1:4 :@1:5 NL@1:6 IN@2:2 kw:pass@2:2 NL@2:6 DE@3:1 EOF@3:1"},
		{"x=1\n\fif x:\n  pass", "x@1:1 =@1:2 Int:1@1:3 NL@1:4 kw:if@2:2 x@2:5 :@2:6 NL@2:7 IN@3:3 kw:pass@3:3 NL@3:7 DE@3:7 EOF@3:7"},
		{"x = (1,  # c\n 2)\n", "x@1:1 =@1:3 (@1:5 Int:1@1:6 ,@1:7 Int:2@2:2 )@2:3 NL@2:4 EOF@3:1"},
		{"", "EOF@1:1"},
		{"x\r\ny\r\n", "x@1:1 NL@1:2 y@2:1 NL@2:2 EOF@3:1"},
		{"\ufeffx", "x@1:1 NL@1:2 EOF@1:2"},
	}
	for _, tt := range tests {
		toks, err := Tokenize("t.py", []byte(tt.src))
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if got := dump(toks); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		src  string
		kind string
		msg  string
		line int
		col  int
	}{
		{"x = \"abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5},
		{"x = 'a' 'b\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 9},
		{"x = \"abc\\\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5},
		{"x = \"\"\"ab\n\nc", "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 5},
		{"x = (1,\n2\n", "SyntaxError", "'(' was never closed", 1, 5},
		{"x = (1]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7},
		{"x = [1,\n 2)", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 2, 3},
		{"x = 1)", "SyntaxError", "unmatched ')'", 1, 6},
		{"if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4},
		{"if x:\n    a\n    b\n   c\n", "IndentationError", "unindent does not match any outer indentation level", 4, 5},
		{"if x:\n\ta\n        b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1},
		{"x = 1abc", "SyntaxError", "invalid decimal literal", 1, 5},
		{"x = 12abc", "SyntaxError", "invalid decimal literal", 1, 6},
		{"x = 1.5abc", "SyntaxError", "invalid decimal literal", 1, 7},
		{"x = 1_", "SyntaxError", "invalid decimal literal", 1, 6},
		{"x = 1__0", "SyntaxError", "invalid decimal literal", 1, 6},
		{"x = 1e", "SyntaxError", "invalid decimal literal", 1, 5},
		{"x = 1.5e+", "SyntaxError", "invalid decimal literal", 1, 9},
		{"x = 1._5", "SyntaxError", "invalid decimal literal", 1, 6},
		{"x = 1jk", "SyntaxError", "invalid imaginary literal", 1, 6},
		{"x = 012", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
		{"x = 0_7", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
		{"x = 0x", "SyntaxError", "invalid hexadecimal literal", 1, 6},
		{"x = 0x1g", "SyntaxError", "invalid hexadecimal literal", 1, 7},
		{"x = 0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 7},
		{"x = 0o", "SyntaxError", "invalid octal literal", 1, 6},
		{"x = 0b1_2", "SyntaxError", "invalid digit '2' in binary literal", 1, 9},
		{"x = 0o17z", "SyntaxError", "invalid octal literal", 1, 8},
		{"x = a € b", "SyntaxError", "invalid character '€' (U+20AC)", 1, 7},
		{"° = 1", "SyntaxError", "invalid character '°' (U+00B0)", 1, 1},
		{"x = a $ b", "SyntaxError", "invalid syntax", 1, 7},
		{"x = \\ 1", "SyntaxError", "unexpected character after line continuation character", 1, 6},
		{strings.Repeat("(", 201), "SyntaxError", "too many nested parentheses", 1, 201},
		{deepIndent(101), "IndentationError", "too many levels of indentation", 101, 1},
	}
	for _, tt := range tests {
		_, err := Tokenize("t.py", []byte(tt.src))
		var se *ast.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: got %v, want %s", tt.src, err, tt.msg)
			continue
		}
		if se.Kind != tt.kind || se.Msg != tt.msg || se.Line != tt.line || se.Col != tt.col {
			t.Errorf("%q:\n got %s %q %d:%d\nwant %s %q %d:%d", tt.src, se.Kind, se.Msg, se.Line, se.Col, tt.kind, tt.msg, tt.line, tt.col)
		}
	}
}

func TestUnescape(t *testing.T) {
	tests := []struct {
		body    string
		isBytes bool
		want    string
	}{
		{`a\nb\tc\\d\'e\"`, false, "a\nb\tc\\d'e\""},
		{`\x41\u00e9\U0001F600\101\0`, false, "Aé😀A\x00"},
		{`\d\q`, false, `\d\q`},
		{"a\\\nb", false, "ab"},
		{`\N{EURO SIGN}`, false, "€"},
		{`\xff\u1234`, true, "\xff\\u1234"},
	}
	for _, tt := range tests {
		got, err := Unescape(tt.body, tt.isBytes)
		if err != nil || got != tt.want {
			t.Errorf("Unescape(%q) = %q, %v; want %q", tt.body, got, err, tt.want)
		}
	}
}

// deepIndent returns n nested if statements.
func deepIndent(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "pass\n")
	return b.String()
}
