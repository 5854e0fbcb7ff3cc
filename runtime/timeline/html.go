package timeline

import (
	"bufio"
	"io"
	"strings"
)

// htmlHead and htmlTail frame the SVG: the page scrolls when there are many
// lanes, and hovering any element with a <title> shows it in a tooltip
// that follows the pointer (the browser's own tooltip is slow to appear).
// Everything is inline: the page needs no other resource.
const htmlHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>%TITLE%</title>
<style>
body { margin: 0; font-family: DejaVu Sans, Helvetica, Arial, sans-serif; background: #fff; }
#view { overflow: auto; max-height: 100vh; }
#tip { position: fixed; display: none; pointer-events: none; background: #1f2933; color: #fff;
  font-size: 12px; padding: 4px 8px; border-radius: 4px; max-width: 480px; white-space: pre-wrap; }
svg .run:hover, svg .wait:hover { stroke: #000; stroke-width: 1.5; }
</style>
</head>
<body>
<div id="view">
`

const htmlTail = `</div>
<div id="tip"></div>
<script>
(function () {
  var tip = document.getElementById("tip");
  // Move each <title> into a data attribute so that only our tooltip shows.
  document.querySelectorAll("#view svg title").forEach(function (t) {
    t.parentNode.setAttribute("data-tip", t.textContent);
    t.remove();
  });
  document.addEventListener("mousemove", function (e) {
    var el = e.target.closest ? e.target.closest("[data-tip]") : null;
    if (!el) { tip.style.display = "none"; return; }
    tip.textContent = el.getAttribute("data-tip");
    tip.style.display = "block";
    var x = e.clientX + 14, y = e.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth) x = e.clientX - tip.offsetWidth - 8;
    if (y + tip.offsetHeight > window.innerHeight) y = e.clientY - tip.offsetHeight - 8;
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  });
})();
</script>
</body>
</html>
`

// WriteHTML writes a page embedding the SVG, with hover details.
func (tl *Timeline) WriteHTML(w io.Writer, title string) error {
	bw := bufio.NewWriter(w)
	page := "pya timeline"
	if title != "" {
		page += " — " + title
	}
	bw.WriteString(strings.Replace(htmlHead, "%TITLE%", esc(page), 1))
	tl.writeSVG(bw, title)
	bw.WriteString(htmlTail)
	return bw.Flush()
}
