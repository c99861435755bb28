/* repl.c — the interactive prompt.
 *
 * On a terminal: GNU readline through its callback interface (so a
 * Ctrl-C at the prompt is seen by select() as EINTR and clears the line,
 * printing KeyboardInterrupt as CPython does), persistent history in
 * ~/.tsc_history, and tab completion of names, module attributes and an
 * object's attributes.  Without a terminal (tsc -i with a pipe): plain
 * line reads, prompts on stderr as CPython, never an escape code.
 *
 * An entry is read line by line until the parser stops reporting
 * `incomplete`; a compound statement (if/for/def/...) also waits for a
 * blank line, as at CPython's prompt.  Each entry runs in the same
 * globals, so every variable survives errors. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "bi_private.h"
#include "objects.h"
#include "vm.h"

enum { HISTORY_MAX = 1000 };

static Value repl_globals;
static bool use_readline;

/* ------------------------------------------------------ reading lines */

enum { LINE_OK, LINE_EOF, LINE_INTERRUPT };

static char *cb_line;
static bool cb_done;

static void on_line(char *line)
{
    cb_line = line;
    cb_done = true;
    rl_callback_handler_remove();
}

/* One line with readline; *out is malloc'd (without the newline).
 * SIGINT stays blocked except inside pselect, so a Ctrl-C that lands
 * while readline is busy is not lost: pselect sees it pending at once. */
static int read_tty(const char *prompt, char **out)
{
    sigset_t block, orig;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigprocmask(SIG_BLOCK, &block, &orig);
    cb_done = false;
    cb_line = NULL;
    rl_callback_handler_install(prompt, on_line);
    int st = LINE_EOF;
    while (!cb_done) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(STDIN_FILENO, &fds);
        int r = pselect(STDIN_FILENO + 1, &fds, NULL, NULL, NULL, &orig);
        if (rt_interrupted) {
            rt_interrupted = 0;
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_callback_handler_remove();
            st = LINE_INTERRUPT;
            break;
        }
        if (r < 0 && errno != EINTR) { rl_callback_handler_remove(); break; }
        if (r > 0) rl_callback_read_char();
    }
    sigprocmask(SIG_SETMASK, &orig, NULL);
    if (st == LINE_INTERRUPT || !cb_done) return st;
    *out = cb_line;
    return cb_line ? LINE_OK : LINE_EOF;
}

/* One line without a terminal; the prompt goes to stderr. */
static int read_plain(const char *prompt, char **out)
{
    fflush(stdout);
    fputs(prompt, stderr);
    fflush(stderr);
    size_t cap = 0;
    *out = NULL;
    errno = 0;
    ssize_t n = getline(out, &cap, stdin);
    if (n < 0) {
        free(*out);
        *out = NULL;
        if (rt_interrupted) { rt_interrupted = 0; clearerr(stdin); return LINE_INTERRUPT; }
        return LINE_EOF;
    }
    if (n > 0 && (*out)[n - 1] == '\n') (*out)[n - 1] = 0;
    return LINE_OK;
}

static int read_line(const char *prompt, char **out)
{
    return use_readline ? read_tty(prompt, out) : read_plain(prompt, out);
}

/* --------------------------------------------------- entry completeness */

static bool is_blank(const char *s)
{
    return s[strspn(s, " \t\r")] == 0;
}

/* True while src has an open bracket or an unterminated triple-quoted
 * string: a blank line there continues the entry instead of ending it. */
static bool inside_brackets(const char *s)
{
    int depth = 0;
    while (*s) {
        char c = *s;
        if (c == '#') { while (*s && *s != '\n') s++; continue; }
        if (c == '\'' || c == '"') {
            bool triple = s[1] == c && s[2] == c;
            s += triple ? 3 : 1;
            while (*s && !(triple ? (s[0] == c && s[1] == c && s[2] == c) : (*s == c || *s == '\n'))) {
                if (*s == '\\' && s[1]) s++;
                s++;
            }
            if (!*s) return triple;
            s += triple ? 3 : 1;
            continue;
        }
        depth += (c == '(' || c == '[' || c == '{') - (c == ')' || c == ']' || c == '}');
        s++;
    }
    return depth > 0;
}

static bool is_compound(Node *stmt)
{
    switch (stmt->kind) {
    case N_IF: case N_WHILE: case N_FOR: case N_DEF: case N_CLASS: case N_WITH: case N_TRY:
        return true;
    default:
        return false;
    }
}

/* Decides whether buf (ending with the line just typed) is ready to run. */
static bool entry_ready(const char *buf, bool last_blank)
{
    ParseResult r = parse_source(buf, strlen(buf), "<stdin>", PARSE_SINGLE);
    bool ready;
    if (!r.module) {
        ready = !r.err.incomplete || (last_blank && !inside_brackets(buf));
    } else {
        NodeList *body = &r.module->module.body;
        bool compound = body->n > 0 && is_compound(body->items[0]);
        ready = !compound || last_blank;
    }
    parse_free(&r);
    return ready;
}

/* ------------------------------------------------------ the entry loop */

typedef struct { char *p; size_t n, cap; } Text;

static bool text_add(Text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->n + n + 2 > t->cap) {
        size_t cap = (t->n + n + 2) * 2;
        char *p = realloc(t->p, cap);
        if (!p) return false;
        t->p = p, t->cap = cap;
    }
    memcpy(t->p + t->n, s, n);
    t->n += n;
    t->p[t->n++] = '\n';
    t->p[t->n] = 0;
    return true;
}

/* Reads one complete entry into t; LINE_EOF when the user is done. */
static int read_entry(Text *t)
{
    t->n = 0;
    for (;;) {
        char *line = NULL;
        int st = read_line(t->n ? "... " : ">>> ", &line);
        if (st == LINE_INTERRUPT) {
            fputs("\nKeyboardInterrupt\n", stdout);
            fflush(stdout);
            t->n = 0;
            continue;
        }
        if (st == LINE_EOF) {
            if (t->n) return LINE_OK;   /* EOF ends the block and runs it */
            return LINE_EOF;
        }
        if (use_readline && !is_blank(line)) add_history(line);
        bool blank = is_blank(line);
        if (t->n == 0 && blank) { free(line); continue; }
        bool ok = text_add(t, line);
        free(line);
        if (!ok) { fputs("MemoryError\n", stderr); t->n = 0; continue; }
        if (entry_ready(t->p, blank)) return LINE_OK;
    }
}

/* Runs one entry, printing any traceback; false on SystemExit. */
static bool run_entry(const char *src, size_t n, int *status)
{
    rt_interrupted = 0;
    Value r = vm_run_source(src, n, "<stdin>", PARSE_SINGLE, repl_globals, true);
    fflush(stdout);
    if (!IS_ERR(r)) { v_decref(r); return true; }
    if (bi_take_system_exit(status)) return false;
    vm_print_exception(stderr);
    fflush(stderr);
    return true;
}

/* ------------------------------------------------------- tab completion */

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", NULL,
};

static char **matches;
static int nmatches, match_pos;

static void matches_clear(void)
{
    for (int i = 0; i < nmatches; i++) free(matches[i]);
    free(matches);
    matches = NULL;
    nmatches = match_pos = 0;
}

static void match_add(const char *prefix, const char *name, const char *suffix)
{
    char **m = realloc(matches, (size_t)(nmatches + 1) * sizeof *m);
    if (!m) return;
    matches = m;
    size_t n = strlen(prefix) + strlen(name) + strlen(suffix) + 1;
    char *s = malloc(n);
    if (!s) return;
    snprintf(s, n, "%s%s%s", prefix, name, suffix);
    for (int i = 0; i < nmatches; i++)
        if (strcmp(matches[i], s) == 0) { free(s); return; }
    matches[nmatches++] = s;
}

/* Whether v is callable, judged without calling anything. */
static bool looks_callable(Value v)
{
    if (IS_TYPE(v, &cfunc_type)) return !(((CFuncObj *)v.o)->def->flags & METH_PROPERTY);
    if (IS_TYPE(v, &property_type)) return false;
    return bi_is_type(v) || v_type(v)->call != NULL;
}

/* rlcompleter's rule: hide _names unless the prefix asks for them. */
static bool wanted(const char *name, const char *pfx, size_t n)
{
    if (strncmp(name, pfx, n) != 0) return false;
    if (name[0] == '_' && pfx[0] != '_') return false;
    if (name[0] == '_' && name[1] == '_' && !(pfx[0] == '_' && pfx[1] == '_')) return false;
    return true;
}

static void complete_dict(Value d, const char *text, size_t n)
{
    Value k, v;
    for (int64_t i = 0; IS_OBJ(d) && dict_next(d, &i, &k, &v);)
        if (v_isinstance(k, &str_type) && wanted(str_cstr(k), text, n))
            match_add("", str_cstr(k), looks_callable(v) ? "(" : "");
}

static void complete_names(const char *text)
{
    size_t n = strlen(text);
    for (const char *const *kw = keywords; *kw; kw++) {
        if (strncmp(*kw, text, n) != 0) continue;
        bool bare = !strcmp(*kw, "False") || !strcmp(*kw, "None") || !strcmp(*kw, "True") ||
                    !strcmp(*kw, "break") || !strcmp(*kw, "continue") || !strcmp(*kw, "pass") ||
                    !strcmp(*kw, "else");
        bool colon = !strcmp(*kw, "finally") || !strcmp(*kw, "try");
        match_add("", *kw, colon ? ":" : bare ? "" : " ");
    }
    complete_dict(repl_globals, text, n);
    complete_dict(builtins_dict(), text, n);
}

/* Evaluates a plain dotted name (a.b.c) by lookups only: globals, then
 * builtins, then attributes.  Anything else is not evaluated. */
static Value eval_dotted(const char *expr, size_t len)
{
    char buf[512];
    if (len == 0 || len >= sizeof buf) return V_UNBOUND;
    memcpy(buf, expr, len);
    buf[len] = 0;
    for (char *p = buf; *p; p++)
        if (!(*p == '.' || *p == '_' || (*p & 0x80) || (*p >= '0' && *p <= '9') ||
              ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
            return V_UNBOUND;
    char *save, *part = strtok_r(buf, ".", &save);
    if (!part) return V_UNBOUND;
    Value v = dict_get_cstr(repl_globals, part);
    if (IS_UNBOUND(v) || IS_ERR(v)) v = dict_get_cstr(builtins_dict(), part);
    if (IS_UNBOUND(v) || IS_ERR(v)) { rt_exc_clear(); return V_UNBOUND; }
    v_incref(v);
    while ((part = strtok_r(NULL, ".", &save))) {
        Value next = v_getattr_cstr(v, part);
        v_decref(v);
        if (IS_ERR(next)) { rt_exc_clear(); return V_UNBOUND; }
        v = next;
    }
    return v;
}

/* The value an attribute name has in obj's dicts, found without calling
 * a property or getter (UNBOUND if only a dir slot lists it). */
static Value peek_attr(Value obj, const char *name)
{
    if (IS_TYPE(obj, &module_type)) return dict_get_cstr(((Module *)obj.o)->dict, name);
    Type *t = bi_is_type(obj) ? (Type *)obj.o : v_type(obj);
    return bi_type_lookup(t, name);
}

static void complete_attrs(const char *text)
{
    const char *dot = strrchr(text, '.');
    Value obj = eval_dotted(text, (size_t)(dot - text));
    if (IS_UNBOUND(obj)) return;
    Value names = bi_dir_list(obj);
    if (IS_ERR(names)) { rt_exc_clear(); v_decref(obj); return; }
    size_t plen = (size_t)(dot - text) + 1;
    char *prefix = strndup(text, plen);
    const char *attr = dot + 1;
    List *l = (List *)names.o;
    for (int64_t i = 0; prefix && i < l->len; i++) {
        const char *name = str_cstr(l->items[i]);
        if (!wanted(name, attr, strlen(attr))) continue;
        Value v = peek_attr(obj, name);
        bool call = !IS_UNBOUND(v) && !IS_ERR(v) && looks_callable(v);
        if ((IS_UNBOUND(v) || IS_ERR(v)) && IS_TYPE(obj, &module_type)) {
            /* a name only the module's __dir__ lists (torch.einsum before
             * first use) resolves through its __getattr__, as in
             * rlcompleter */
            Value lazy = v_getattr_cstr(obj, name);
            if (IS_ERR(lazy)) rt_exc_clear();
            else call = looks_callable(lazy);
            v_decref(lazy);
        }
        match_add(prefix, name, call ? "(" : "");
    }
    free(prefix);
    v_decref(names);
    v_decref(obj);
}

static char *completion_generator(const char *text, int state)
{
    if (state == 0) {
        matches_clear();
        if (strchr(text, '.')) complete_attrs(text);
        else complete_names(text);
    }
    return match_pos < nmatches ? strdup(matches[match_pos++]) : NULL;
}

static char **complete(const char *text, int start, int end)
{
    (void)end;
    rl_attempted_completion_over = 1;   /* never fall back to file names */
    rl_completion_append_character = '\0'; /* readline resets it per attempt */
    if (!*text && is_blank(rl_line_buffer) && start == (int)strlen(rl_line_buffer)) {
        rl_insert_text("    ");          /* TAB on an empty line indents */
        return NULL;
    }
    return rl_completion_matches(text, completion_generator);
}

/* -------------------------------------------------------------- history */

static char history_path[4096];
static int history_start;

static void history_open(void)
{
    const char *home = getenv("HOME");
    if (!home) return;
    snprintf(history_path, sizeof history_path, "%s/.tsc_history", home);
    using_history();
    read_history(history_path);
    history_start = history_length;
}

static void history_save(void)
{
    if (!history_path[0]) return;
    int added = history_length - history_start;
    if (added <= 0) return;
    if (access(history_path, F_OK) != 0) write_history(history_path);
    else append_history(added, history_path);
    history_truncate_file(history_path, HISTORY_MAX);
}

/* ------------------------------------------------------------ the loop */

static void readline_setup(void)
{
    rl_readline_name = "tsc";
    rl_catch_signals = 0;               /* our SIGINT handler stays in charge */
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{([,+-*/%^~!:";
    rl_completion_append_character = '\0';
    history_open();
}

int repl_run(Value globals)
{
    repl_globals = globals;
    use_readline = isatty(STDIN_FILENO);
    sig_install();
    if (use_readline) readline_setup();
    Text t = {0};
    int status = 0;
    for (;;) {
        int st = read_entry(&t);
        if (st == LINE_EOF) {
            if (use_readline) fputc('\n', stdout);
            break;
        }
        if (!run_entry(t.p, t.n, &status)) break;
    }
    free(t.p);
    matches_clear();
    if (use_readline) history_save();
    fflush(stdout);
    return status;
}
