# embed.awk — turns the TensorScript library files given as arguments into
# one C header of string constants (no xxd dependency): src/runtime/lib/
# torch_nn.tsc becomes `static const char lib_torch_nn[] = "...";`.
# Used by the Makefile to build build/gen/tsc_lib.h for mod_embedded.c.
# Escaping goes character by character: gsub's treatment of backslashes in
# the replacement differs between awks.
function esc(s,    out, i, c) {
    out = ""
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "\\" || c == "\"") out = out "\\"
        out = out c
    }
    return out
}
FNR == 1 {
    if (NR > 1) print ";"
    name = FILENAME
    sub(/.*\//, "", name)
    sub(/\.tsc$/, "", name)
    print "static const char lib_" name "[] ="
}
{ print "    \"" esc($0) "\\n\"" }
END { if (NR > 0) print ";" }
