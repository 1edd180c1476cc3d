package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// flagSet is a flag.FlagSet whose help and errors are Vietnamese.
type flagSet struct {
	*flag.FlagSet
	usage string   // the synopsis: "baocao render -data F.yaml …"
	about string   // what the subcommand does
	args  []string // the arguments that are not options, in order
}

func newFlags(name, usage, about string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flagSet{FlagSet: fs, usage: usage, about: about}
}

// parse parses args, options and other arguments in any order; on -h it prints the help to stdout and returns exitOK, on an
// error it prints a Vietnamese message and the help to stderr and returns exitUsage;
// otherwise it returns -1.
func (f *flagSet) parse(e env) int {
	err := f.parseAll(e.args)
	switch {
	case err == nil:
		return -1
	case errors.Is(err, flag.ErrHelp):
		f.help(e.stdout)
		return exitOK
	}
	fmt.Fprintf(e.stderr, "baocao %s: %s\n\n", f.Name(), flagError(err))
	f.help(e.stderr)
	return exitUsage
}

// flagError says in Vietnamese what is wrong with the command line. The flag package
// has no kinds for its errors; its messages start with fixed English words.
func flagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "không có tuỳ chọn " + strings.TrimPrefix(msg, "flag provided but not defined: ")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "tuỳ chọn " + strings.TrimPrefix(msg, "flag needs an argument: ") + " cần một giá trị (ví dụ -data ky.yaml)"
	}
	return "tuỳ chọn sai: " + msg
}

// help prints the synopsis, what the command does, and each option.
func (f *flagSet) help(w io.Writer) {
	fmt.Fprintf(w, "Cách dùng: %s\n\n%s\n", f.usage, f.about)
	first := true
	f.VisitAll(func(fl *flag.Flag) {
		if first {
			fmt.Fprintln(w, "\nTuỳ chọn:")
			first = false
		}
		name, u := flag.UnquoteUsage(fl)
		if name != "" {
			name = " " + name
		}
		fmt.Fprintf(w, "  -%s%s\n\t%s\n", fl.Name, name, u)
	})
}

// usageError prints msg and the help, and returns exitUsage.
func (f *flagSet) usageError(e env, msg string) int {
	fmt.Fprintf(e.stderr, "baocao %s: %s\n\n", f.Name(), msg)
	f.help(e.stderr)
	return exitUsage
}

// parseAll parses options wherever they stand among the other arguments
// ("templates xa.docx -o mau.docx"), keeping the others in f.args.
func (f *flagSet) parseAll(args []string) error {
	for {
		if err := f.Parse(args); err != nil {
			return err
		}
		rest := f.FlagSet.Args()
		if len(rest) == 0 {
			return nil
		}
		f.args = append(f.args, rest[0])
		args = rest[1:]
	}
}

// NArg is the number of arguments that are not options, wherever they stood.
func (f *flagSet) NArg() int { return len(f.args) }

// Args are the arguments that are not options, wherever they stood.
func (f *flagSet) Args() []string { return f.args }

// Arg is the i-th argument that is not an option, or "".
func (f *flagSet) Arg(i int) string {
	if i < 0 || i >= len(f.args) {
		return ""
	}
	return f.args[i]
}
