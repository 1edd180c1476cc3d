package render

// Limits bound what a template may cost, so that a hostile file (a zip bomb, a package of
// a million entries or tags, a loop of a billion turns) is refused before it costs memory
// or time. Limits is a value: a Template keeps its own copy. The zero value of a field
// means its default, the Default* constant of the same name.
type Limits struct {
	// MaxParts is the number of entries in the package; default DefaultMaxParts.
	MaxParts int
	// MaxPartSize is the uncompressed size in bytes of one entry; default
	// DefaultMaxPartSize.
	MaxPartSize int64
	// MaxTotalSize is the uncompressed size in bytes of all entries; default
	// DefaultMaxTotalSize.
	MaxTotalSize int64
	// MaxTags is the number of tags ({{…}}) in all parts of the package; default
	// DefaultMaxTags. Parse stops counting, and fails with ErrLimit, at the first tag
	// over it.
	MaxTags int
	// MaxSteps is the number of steps one Execute may take: a step is one turn of a
	// range loop or one piece of output (a value printed, the text between two tags).
	// Default DefaultMaxSteps.
	MaxSteps int64
	// MaxOutput is the number of bytes of XML one Execute may produce, all parts
	// together, before compression; default DefaultMaxOutput. Pictures placed by the
	// image function are not counted: their bytes come from the data.
	MaxOutput int64
}

// The default limits fit real reports many times over: the reference report's package
// has 15 entries, 900 KB uncompressed and about 300 tags, and renders in about 2.000
// steps and 1 MB of XML; a province's table of 10.000 units takes about 250.000 steps.
const (
	DefaultMaxParts     = 2000
	DefaultMaxPartSize  = 64 << 20  // 64 MiB
	DefaultMaxTotalSize = 256 << 20 // 256 MiB
	DefaultMaxTags      = 50_000
	DefaultMaxSteps     = 2_000_000
	DefaultMaxOutput    = 64 << 20 // 64 MiB
)

// DefaultLimits returns the limits a new Template has: every field at its default.
func DefaultLimits() Limits {
	return Limits{}.withDefaults()
}

// withDefaults gives every zero or negative field its default.
func (l Limits) withDefaults() Limits {
	if l.MaxParts <= 0 {
		l.MaxParts = DefaultMaxParts
	}
	if l.MaxPartSize <= 0 {
		l.MaxPartSize = DefaultMaxPartSize
	}
	if l.MaxTotalSize <= 0 {
		l.MaxTotalSize = DefaultMaxTotalSize
	}
	if l.MaxTags <= 0 {
		l.MaxTags = DefaultMaxTags
	}
	if l.MaxSteps <= 0 {
		l.MaxSteps = DefaultMaxSteps
	}
	if l.MaxOutput <= 0 {
		l.MaxOutput = DefaultMaxOutput
	}
	return l
}
