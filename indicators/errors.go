package indicators

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error returned by this package wraps one of them, so
// callers can test with errors.Is.
var (
	// ErrNegative reports a count that would be below zero.
	ErrNegative = errors.New("indicators: negative count")
	// ErrFraction reports a count that is not a whole number.
	ErrFraction = errors.New("indicators: count is not a whole number")
	// ErrZeroDenominator reports a rate, attainment or change whose base is zero.
	ErrZeroDenominator = errors.New("indicators: zero denominator")
	// ErrSyntax reports malformed number text; it is wrapped in a *ParseError.
	ErrSyntax = errors.New("indicators: malformed number")
	// ErrDate reports an impossible or malformed date. Malformed date text is
	// wrapped in a *ParseError whose Err is ErrDate.
	ErrDate = errors.New("indicators: invalid date")
	// ErrRange reports a number outside what a function supports (a count above
	// the int64 range, words for a number of 1 000 000 billion or more).
	ErrRange = errors.New("indicators: number out of range")
	// ErrUnit reports an unknown money unit.
	ErrUnit = errors.New("indicators: unknown money unit")
	// ErrInvalidRate reports a rate that could not be computed (no base, nothing
	// reported) where it was to be printed: Rate.MarshalText returns it.
	ErrInvalidRate = errors.New("indicators: rate could not be computed")
)

// ParseError describes text that could not be read. It names the input and
// says why, for example
//
//	indicators: malformed number "1.85": a dot must group exactly three digits (found 2 after the dot at byte 1)
type ParseError struct {
	Input string // the text as given
	Msg   string // why it was refused
	Err   error  // the sentinel it wraps; nil means ErrSyntax
}

// Error returns the sentinel's text, the quoted input and the reason.
func (e *ParseError) Error() string {
	return e.Unwrap().Error() + " " + strconv.Quote(e.Input) + ": " + e.Msg
}

// Unwrap returns the sentinel the error wraps (ErrSyntax unless Err is set).
func (e *ParseError) Unwrap() error {
	if e.Err == nil {
		return ErrSyntax
	}
	return e.Err
}
