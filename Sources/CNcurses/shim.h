// The wide-character ncurses API, plus accessors for the C globals and macros
// that Swift 6 cannot import (globals are "not concurrency-safe"; A_* are macros).
#ifndef PERSPECTIEF_CNCURSES_SHIM_H
#define PERSPECTIEF_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <signal.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *pf_stdscr(void) { return stdscr; }
static inline int pf_lines(void) { return LINES; }
static inline int pf_cols(void) { return COLS; }
static inline int pf_colors(void) { return COLORS; }
static inline attr_t pf_a_normal(void) { return A_NORMAL; }
static inline attr_t pf_a_bold(void) { return A_BOLD; }
static inline attr_t pf_a_reverse(void) { return A_REVERSE; }
static inline attr_t pf_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pf_a_dim(void) { return A_DIM; }
static inline int pf_key_code_yes(void) { return KEY_CODE_YES; }
static inline FILE *pf_stdout(void) { return stdout; }
static inline FILE *pf_stdin(void) { return stdin; }

/// Set one cell: a single wide character with attributes and a colour pair.
static inline int pf_put_cell(int y, int x, wchar_t ch, attr_t attrs, short pair) {
    cchar_t cell;
    wchar_t text[2] = { ch, L'\0' };
    setcchar(&cell, text, attrs, pair, NULL);
    return mvwadd_wch(stdscr, y, x, &cell);
}
#endif
