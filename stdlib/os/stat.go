package os

import (
	goos "os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/stdlib/internal/structseq"
	"github.com/pya-lang/pya/vm"
)

// StatResultType is os.stat_result.
var StatResultType = structseq.NewType("stat_result", "os", []string{
	"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
	"st_atime", "st_mtime", "st_ctime",
}, 10)

// statFuncs are os.stat and os.walk, added to the os module.
var statFuncs = map[string]vm.NativeFunc{
	"stat":  stat,
	"lstat": stat,
	"walk":  walk,
}

func stat(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var p, dirFD, follow vm.Value
	if err := vm.ParseArgs("stat", args, kwnames, []string{"path", "$dir_fd?", "$follow_symlinks?"}, &p, &dirFD, &follow); err != nil {
		return vm.NULL, err
	}
	name, err := pathArg("stat", p)
	if err != nil {
		return vm.NULL, err
	}
	var st syscall.Stat_t
	if err := syscall.Stat(name, &st); err != nil {
		return vm.NULL, oserr(err, name)
	}
	ts := func(t syscall.Timespec) vm.Value { return vm.Float(float64(t.Sec) + float64(t.Nsec)/1e9) }
	return structseq.New(StatResultType, []vm.Value{
		vm.Int(int64(st.Mode)), vm.Int(int64(st.Ino)), vm.Int(int64(st.Dev)), vm.Int(int64(st.Nlink)),
		vm.Int(int64(st.Uid)), vm.Int(int64(st.Gid)), vm.Int(st.Size),
		ts(st.Atim), ts(st.Mtim), ts(st.Ctim),
	}), nil
}

// walk(top, topdown=True, onerror=None, followlinks=False) yields
// (dirpath, dirnames, filenames); pya builds the whole list first
// (topdown, directory order as os.listdir gives it).
func walk(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var top, topdown, onerror, follow vm.Value
	if err := pyarg.ParsePy("walk", 0, args, kwnames, []string{"top", "topdown?", "onerror?", "followlinks?"}, &top, &topdown, &onerror, &follow); err != nil {
		return vm.NULL, err
	}
	root, err := pathArg("walk", top)
	if err != nil {
		return vm.NULL, err
	}
	down := true
	if !topdown.IsNull() {
		if down, err = vm.Truth(th, topdown); err != nil {
			return vm.NULL, err
		}
	}
	var out []vm.Value
	var visit func(dir string)
	visit = func(dir string) {
		f, err := goos.Open(dir)
		if err != nil {
			return
		}
		names, _ := f.Readdirnames(-1)
		f.Close()
		var dirs, files []vm.Value
		var sub []string
		for _, n := range names {
			full := dir + "/" + n
			if strings.HasSuffix(dir, "/") {
				full = dir + n
			}
			if fi, err := goos.Stat(full); err == nil && fi.IsDir() {
				dirs = append(dirs, vm.NewStr(n))
				sub = append(sub, full)
			} else {
				files = append(files, vm.NewStr(n))
			}
		}
		entry := vm.NewTuple([]vm.Value{vm.NewStr(dir), vm.NewList(dirs), vm.NewList(files)})
		if down {
			out = append(out, entry)
		}
		for _, s := range sub {
			visit(s)
		}
		if !down {
			out = append(out, entry)
		}
	}
	visit(root)
	return vm.Iter(th, vm.NewList(out))
}

// pathTimes are os.path.getmtime and friends.
func pathTime(name string, pick func(*syscall.Stat_t) syscall.Timespec) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		s, err := strArg(name, args, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		var st syscall.Stat_t
		if err := syscall.Stat(s, &st); err != nil {
			return vm.NULL, oserr(err, s)
		}
		t := pick(&st)
		return vm.Float(float64(t.Sec) + float64(t.Nsec)/1e9), nil
	}
}

var pathExtra = map[string]vm.NativeFunc{
	"getmtime": pathTime("getmtime", func(s *syscall.Stat_t) syscall.Timespec { return s.Mtim }),
	"getatime": pathTime("getatime", func(s *syscall.Stat_t) syscall.Timespec { return s.Atim }),
	"getctime": pathTime("getctime", func(s *syscall.Stat_t) syscall.Timespec { return s.Ctim }),
	"islink": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		s, err := strArg("islink", args, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		fi, err := goos.Lstat(s)
		return vm.Bool(err == nil && fi.Mode()&goos.ModeSymlink != 0), nil
	},
	"relpath": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		var p, start vm.Value
		if err := pyarg.ParsePy("relpath", 0, args, kwnames, []string{"path", "start?"}, &p, &start); err != nil {
			return vm.NULL, err
		}
		ps, err := pathArg("relpath", p)
		if err != nil {
			return vm.NULL, err
		}
		base := "."
		if !start.IsNull() && !start.IsNone() {
			if base, err = pathArg("relpath", start); err != nil {
				return vm.NULL, err
			}
		}
		r, rerr := filepath.Rel(abspath(base), abspath(ps))
		if rerr != nil {
			return vm.NULL, vm.NewError(vm.ValueErrorType, "%s", rerr.Error())
		}
		return vm.NewStr(r), nil
	},
	"commonprefix": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		if err := pyarg.One("commonprefix", args, kwnames); err != nil {
			return vm.NULL, err
		}
		items, err := vm.ToSlice(th, args[0])
		if err != nil {
			return vm.NULL, err
		}
		if len(items) == 0 {
			return vm.NewStr(""), nil
		}
		prefix, _ := pyarg.Str(items[0])
		for _, it := range items[1:] {
			s, _ := pyarg.Str(it)
			for !strings.HasPrefix(s, prefix) {
				prefix = prefix[:len(prefix)-1]
			}
		}
		return vm.NewStr(prefix), nil
	},
}
