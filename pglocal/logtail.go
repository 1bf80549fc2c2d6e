package pglocal

import (
	"io"
	"os"
	"sync"
)

// tailSize is how much recent server output is kept for error messages.
const tailSize = 4 << 10

// serverOutput returns what to give postgres as stdout and stderr, and a
// function returning the end of what this run has written, so that errors
// can quote the server log whatever Options.Log is. A regular file is given
// to postgres directly, so that the log survives our process; any other
// writer is fed through a pipe by us.
func serverOutput(w io.Writer) (io.Writer, func() string) {
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			if off, err := f.Seek(0, io.SeekEnd); err == nil {
				return f, func() string { return readTail(f.Name(), off) }
			}
		}
	}
	s := &syncWriter{w: w}
	return s, s.String
}

// readTail returns at most tailSize bytes from the end of the file at path,
// starting no earlier than offset.
func readTail(path string, offset int64) string {
	f, err := os.Open(path)
	if err != nil {
		return "(cannot read server log: " + err.Error() + ")"
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "(cannot read server log: " + err.Error() + ")"
	}
	if start := fi.Size() - tailSize; start > offset {
		offset = start
	}
	b, err := io.ReadAll(io.NewSectionReader(f, offset, fi.Size()-offset))
	if err != nil {
		return "(cannot read server log: " + err.Error() + ")"
	}
	return string(b)
}

// syncWriter serialises writes to w and remembers the last tailSize bytes
// written.
type syncWriter struct {
	mu   sync.Mutex
	w    io.Writer
	tail []byte
}

// Write implements io.Writer.
func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tail = append(s.tail, p...)
	if len(s.tail) > tailSize {
		s.tail = append(s.tail[:0], s.tail[len(s.tail)-tailSize:]...)
	}
	return s.w.Write(p)
}

// String returns the remembered output.
func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return string(s.tail)
}
