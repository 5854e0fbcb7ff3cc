package parser

import "strings"

// cmpOp captures a comparison operator; `not in` and `is not` are two
// tokens that participle would otherwise glue into "notin".
type cmpOp string

func (o *cmpOp) Capture(values []string) error {
	*o = cmpOp(strings.Join(values, " "))
	return nil
}
