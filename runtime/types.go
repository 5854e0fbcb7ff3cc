package runtime

import "github.com/pya-lang/pya/vm"

// newType makes a built-in-like type (identity hash, native attribute
// lookup); the asyncio binding fills Dict with the methods and sets reprs.
func newType(name, module string, base *vm.Type) *vm.Type {
	return vm.MakeNativeType(name, module, base)
}

// The Python types of the runtime's objects.
var (
	FutureType          = newType("Future", "_asyncio", nil)
	TaskType            = newType("Task", "_asyncio", FutureType)
	GatheringFutureType = newType("_GatheringFuture", "asyncio.tasks", FutureType)
	FutureIterType      = newType("FutureIter", "_asyncio", nil)
	NativeCoroType      = newType("coroutine", "builtins", nil)
	HandleType          = newType("Handle", "asyncio.events", nil)
	TimerHandleType     = newType("TimerHandle", "asyncio.events", HandleType)
	LoopType            = newType("_UnixSelectorEventLoop", "asyncio.unix_events", nil)

	LockType             = newType("Lock", "asyncio.locks", nil)
	EventType            = newType("Event", "asyncio.locks", nil)
	ConditionType        = newType("Condition", "asyncio.locks", nil)
	SemaphoreType        = newType("Semaphore", "asyncio.locks", nil)
	BoundedSemaphoreType = newType("BoundedSemaphore", "asyncio.locks", SemaphoreType)
	BarrierType          = newType("Barrier", "asyncio.locks", nil)

	QueueType         = newType("Queue", "asyncio.queues", nil)
	PriorityQueueType = newType("PriorityQueue", "asyncio.queues", QueueType)
	LifoQueueType     = newType("LifoQueue", "asyncio.queues", QueueType)

	TimeoutType   = newType("Timeout", "asyncio.timeouts", nil)
	TaskGroupType = newType("TaskGroup", "asyncio.taskgroups", nil)
)

func init() {
	NativeCoroType.Flags |= vm.TypeNativeCoroutine
	TaskType.Flags |= vm.TypeDropNotify // Task.DroppedResult
}

func (h *Handle) Type() *vm.Type {
	if h.timer {
		return TimerHandleType
	}
	return HandleType
}

func (*Loop) Type() *vm.Type { return LoopType }

// Value returns the loop as a Python object.
func (l *Loop) Value() vm.Value { return vm.ObjectValue(l) }
