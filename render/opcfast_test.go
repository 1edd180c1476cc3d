package render

import (
	"encoding/xml"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// opcSamples are bookkeeping parts as writers write them, and others that fastOPC must
// leave to encoding/xml.
var opcSamples = []struct {
	data string
	fast bool // fastOPC reads it
}{
	{`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="` + relsNS + `"><Relationship Id="rId1" Type="t" Target="word/document.xml"/></Relationships>`, true},
	{`<?xml version='1.0' encoding='utf-8' standalone='yes'?><Relationships xmlns='` + relsNS + `'><Relationship Id='rId1' Type="t" Target='a"b' TargetMode="External" /></Relationships>`, true},
	{`<Relationships xmlns="` + relsNS + `">` + "\n\t" + `<Relationship Id = "rId1" Type="t"/></Relationships>`, false}, // spaces around =
	{`<Relationships xmlns="` + relsNS + `"><Relationship Id="rId1" Type="t"></Relationship><Other a="b"><Relationship Id="rId2" Type="u"/></Other></Relationships>`, true},
	{`<Relationships xmlns="` + relsNS + `"/>`, true},
	{`<?xml version="1.1"?><Relationships xmlns="` + relsNS + `"/>`, false},
	{`<?xml version="1.0" encoding="ISO-8859-1"?><Relationships xmlns="` + relsNS + `"/>`, false},
	{`<?xml version="1.0" version="1.0"?><Relationships xmlns="` + relsNS + `"/>`, false},
	{`<?xml version = "1.0"?><Relationships xmlns="` + relsNS + `"/>`, false},
	{`<?xml-stylesheet href="a"?><Relationships xmlns="` + relsNS + `"/>`, false},
	{`<pr:Relationships xmlns:pr="` + relsNS + `"><pr:Relationship Id="a" Type="t"/></pr:Relationships>`, false},
	{`<Relationships xmlns="` + relsNS + `"><Relationship Id="a&amp;b" Type="t"/></Relationships>`, false},
	{`<Relationships xmlns="` + relsNS + `"><Relationship Id="a" Type="t" Target="é"/></Relationships>`, false},
	{`<Relationships xmlns="` + relsNS + `"><Relationship Id="a" Type="t"/><!-- c --></Relationships>`, false},
	{`<Relationships xmlns="` + relsNS + `"><Relationship xmlns="" Id="a" Type="t"/></Relationships>`, false},
	{`<Relationships xmlns="other"><Relationship Id="a" Type="t"/></Relationships>`, false},
	{`<Relationships><Relationship Id="a" Type="t"/></Relationships>`, false},
	{`<Types xmlns="` + relsNS + `"/>`, false},
	{`<Relationships xmlns="` + relsNS + `"/><Relationship Id="a" Type="t"/>`, false},
	{`<Relationships xmlns="` + relsNS + `"><Relationship Id="a"Type="t"/></Relationships>`, false},
	{`<Relationships xmlns="` + relsNS + `"><Relationship Id="a" Type="t"></Relationships>`, false},
	{`<Relationships xmlns="` + relsNS + `"><Relationship Id="a" Type="t` + "\r\n" + `"/></Relationships>`, false},
	{`<Relationships xmlns="` + relsNS + `"><Relationship Id="a<" Type="t"/></Relationships>`, false},
	{`<Relationships xmlns="` + relsNS + `"><xmlns Id="a" Type="t"/></Relationships>`, false},
}

// walkBoth reads data with walkOPC and with encoding/xml alone, and fails unless both
// give the same elements and error.
func walkBoth(t *testing.T, data []byte) {
	t.Helper()
	root := xml.Name{Space: relsNS, Local: "Relationships"}
	collect := func(walk func(string, []byte, xml.Name, func(xml.StartElement) error) error) ([]xml.StartElement, error) {
		var got []xml.StartElement
		err := walk("rels", data, root, func(se xml.StartElement) error {
			got = append(got, se.Copy())
			return nil
		})
		return got, err
	}
	fast, ferr := collect(walkOPC)
	slow, serr := collect(walkXML)
	if !reflect.DeepEqual(fast, slow) || !reflect.DeepEqual(ferr, serr) {
		t.Errorf("%q:\nwalkOPC %v %v\nwalkXML %v %v", data, fast, ferr, slow, serr)
	}
}

func TestFastOPC(t *testing.T) {
	root := xml.Name{Space: relsNS, Local: "Relationships"}
	for _, s := range opcSamples {
		if _, ok := fastOPC([]byte(s.data), root); ok != s.fast {
			t.Errorf("fastOPC(%q) ok = %v, want %v", s.data, ok, s.fast)
		}
		walkBoth(t, []byte(s.data))
	}
}

// FuzzFastOPC checks that fastOPC reads whatever it accepts as encoding/xml does.
func FuzzFastOPC(f *testing.F) {
	for _, s := range opcSamples {
		f.Add([]byte(s.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, p := checkWellFormed(data, false); p != nil {
			return // walkOPC reads only parts checked well-formed
		}
		walkBoth(t, data)
	})
}

// fastOPC's memory follows the attributes it reads, not the '=' signs of their values.
func TestFastOPCMemory(t *testing.T) {
	data := []byte(`<Relationships xmlns="` + relsNS + `"><Relationship Id="a" Type="t" Target="` + strings.Repeat("=", 4<<20) + `"/></Relationships>`)
	root := xml.Name{Space: relsNS, Local: "Relationships"}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, ok := fastOPC(data, root); !ok {
		t.Fatal("not read")
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 16<<20 {
		t.Errorf("%d bytes allocated for a part of %d", n, len(data))
	}
}
