// Package data embeds the default questionnaire, career paths, certifications,
// states, rules, sources and answers to common questions shipped with medpath.
package data

import "embed"

// FS holds every YAML file in this folder and snapshot.gob, their parsed
// form, which lets start-up skip parsing the YAML. After editing a YAML file,
// regenerate the snapshot with: go test ./advisor -run TestSnapshot -update
// (until then the YAML is parsed as usual and that test fails).
//
//go:embed *.yaml snapshot.gob
var FS embed.FS
