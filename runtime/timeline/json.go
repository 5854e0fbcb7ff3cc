package timeline

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the timeline as indented JSON. With the virtual clock
// the output is deterministic: lanes in creation order, spans and links in
// the order they happened, times rounded to the microsecond.
func (tl *Timeline) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(tl)
}
