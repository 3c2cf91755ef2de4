// Package tui is medpath's interactive front end: the Bubble Tea advisor and the accessible line-by-line mode.
package tui
