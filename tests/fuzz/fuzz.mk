# fuzz.mk — the libFuzzer build (used by tests/fuzz/build.sh).
B       := build-fuzz
CC      := clang
SANFL   := -fsanitize=address,undefined -fno-sanitize-recover=undefined
CFLAGS  := -std=c11 -D_GNU_SOURCE -O1 -g -fno-omit-frame-pointer $(SANFL) \
           -fsanitize=fuzzer-no-link -MMD -MP -Isrc -I$(B)/gen -I/usr/include/openblas -pthread
LDLIBS  := -lreadline -lopenblas -lm -pthread

SRCS    := $(filter-out src/main.c,$(wildcard src/*.c src/lexer/*.c src/parser/*.c \
             src/runtime/*.c src/tensor/*.c src/autograd/*.c src/cuda/*.c))
OBJS    := $(patsubst src/%.c,$(B)/obj/%.o,$(SRCS)) $(B)/obj/gen/lexer.o

$(B)/fuzz_parse: tests/fuzz/fuzz_parse.c $(OBJS)
	$(CC) $(CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

$(B)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(B)/obj/gen/lexer.o: $(B)/gen/lexer.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc/lexer -c -o $@ $<

$(B)/gen/lexer.c: src/lexer/lexer.re
	@mkdir -p $(dir $@)
	re2c -W --no-generation-date -o $@ $<

-include $(OBJS:.o=.d)
