package parser

import (
	plex "github.com/alecthomas/participle/v2/lexer"
)

// flatten joins a separated list parsed as a first item and (separator,
// optional item) pairs. Only the last separator may lack an item (a
// trailing separator, reported by trailing); any other empty slot is a
// syntax error at the separator that follows it. first may be nil (empty
// parameter and argument lists), in which case rest must be empty too.
func flatten[T, S any](c *converter, first *T, rest []*S, item func(*S) (*T, []plex.Token)) (items []*T, trailing bool) {
	if first == nil {
		if len(rest) > 0 {
			_, toks := item(rest[0])
			c.fail(tokSpan(toks[:1]), "invalid syntax")
		}
		return nil, false
	}
	items = make([]*T, 0, 1+len(rest))
	items = append(items, first)
	for i, r := range rest {
		it, _ := item(r)
		if it == nil {
			if i == len(rest)-1 {
				return items, true
			}
			_, toks := item(rest[i+1])
			c.fail(tokSpan(toks[:1]), "invalid syntax")
		}
		items = append(items, it)
	}
	return items, false
}

func (c *converter) starItems(g *gStarExprs) ([]*gStarExpr, bool) {
	return flatten(c, g.First, g.Rest, func(r *gStarComma) (*gStarExpr, []plex.Token) { return r.Item, r.Tokens })
}

func (c *converter) targetItems(g *gTargets) ([]*gTarget, bool) {
	return flatten(c, g.First, g.Rest, func(r *gTargetComma) (*gTarget, []plex.Token) { return r.Item, r.Tokens })
}

func (c *converter) sliceItems(g *gSlices) ([]*gSlice, bool) {
	return flatten(c, g.First, g.Rest, func(r *gSliceComma) (*gSlice, []plex.Token) { return r.Item, r.Tokens })
}

func (c *converter) argItems(first *gArg, rest []*gArgComma) ([]*gArg, bool) {
	return flatten(c, first, rest, func(r *gArgComma) (*gArg, []plex.Token) { return r.Arg, r.Tokens })
}

func (c *converter) paramItems(first *gParam, rest []*gParamComma) []*gParam {
	items, _ := flatten(c, first, rest, func(r *gParamComma) (*gParam, []plex.Token) { return r.Param, r.Tokens })
	return items
}

func (c *converter) lambdaParamItems(first *gLambdaParam, rest []*gLambdaComma) []*gLambdaParam {
	items, _ := flatten(c, first, rest, func(r *gLambdaComma) (*gLambdaParam, []plex.Token) { return r.Param, r.Tokens })
	return items
}

func (c *converter) elemItems(g *gGroup) ([]*gElem, bool) {
	return flatten(c, g.First, g.Rest, func(r *gElemComma) (*gElem, []plex.Token) { return r.Elem, r.Tokens })
}

func (c *converter) dictItems(g *gDictGroup) ([]*gDictItem, bool) {
	return flatten(c, g.First, g.Rest, func(r *gDictComma) (*gDictItem, []plex.Token) { return r.Item, r.Tokens })
}

func (c *converter) importItems(first *gImportAs, rest []*gImportComma) ([]*gImportAs, bool) {
	return flatten(c, first, rest, func(r *gImportComma) (*gImportAs, []plex.Token) { return r.Name, r.Tokens })
}

func (c *converter) smallItems(g *gSimpleLine) []*gSmall {
	items, _ := flatten(c, g.First, g.Rest, func(r *gSemis) (*gSmall, []plex.Token) { return r.Stmt, r.Tokens })
	return items
}
