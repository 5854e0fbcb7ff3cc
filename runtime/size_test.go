package runtime

import (
	"testing"
	"unsafe"
)

// TestBlockedTaskSizes guards what a task blocked on an Event costs (the
// memory benchmark: at most 1,000 bytes per blocked task, of which these
// structs are about half): a new field here should be a deliberate choice,
// or go to Future.more.
func TestBlockedTaskSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		size, max uintptr
	}{
		{"Future", unsafe.Sizeof(Future{}), 112},
		{"Task", unsafe.Sizeof(Task{}), 176},
		{"eventWait", unsafe.Sizeof(eventWait{}), 160},
		{"callbackList", unsafe.Sizeof(callbackList{}), 32},
	} {
		if c.size > c.max {
			t.Errorf("%s is %d bytes, over %d", c.name, c.size, c.max)
		}
	}
}
