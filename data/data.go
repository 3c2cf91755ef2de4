// Package data embeds the default questionnaire, career paths, certifications,
// states, rules, sources and answers to common questions shipped with medpath.
// It holds YAML files only: no logic and no caches. The advisor package parses
// and validates them at start-up.
package data

import "embed"

// FS holds every YAML file in this folder.
//
//go:embed *.yaml
var FS embed.FS
