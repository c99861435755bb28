# embed.awk — turns the TensorScript library files given as arguments into
# one C header of string constants (no xxd dependency): src/runtime/lib/
# torch_nn.tsc becomes `static const char lib_torch_nn[] = "...";`.
# Used by the Makefile to build build/gen/tsc_lib.h for mod_embedded.c.
FNR == 1 {
    if (NR > 1) print ";"
    name = FILENAME
    sub(/.*\//, "", name)
    sub(/\.tsc$/, "", name)
    print "static const char lib_" name "[] ="
}
{
    line = $0
    gsub(/\\/, "\\\\", line)
    gsub(/"/, "\\\"", line)
    print "    \"" line "\\n\""
}
END { if (NR > 0) print ";" }
