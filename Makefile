# TensorScript build.  `make` builds build/tsc; `make test` runs every test.
# Variants: `make SAN=1` (ASan+UBSan, into build-san/), `make CUDA=1`
# (links the CUDA backend; default: on when nvcc is found), `make fuzz`.

CC      ?= cc
PREFIX  ?= /usr/local
SAN     ?= 0
OPT     ?= -O2

BUILD   := build
ifeq ($(SAN),1)
BUILD   := build-san
OPT     := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDSAN   := -fsanitize=address,undefined
endif

NVCC    ?= $(shell command -v nvcc 2>/dev/null || ls /usr/local/cuda/bin/nvcc 2>/dev/null)
CUDA    ?= $(if $(NVCC),1,0)

CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror $(OPT) -MMD -MP -Isrc -I$(BUILD)/gen \
           -I/usr/include/openblas -pthread
LDLIBS  += -lreadline -lopenblas -lm -pthread $(LDSAN)

SRCS    := $(wildcard src/*.c src/lexer/*.c src/parser/*.c src/runtime/*.c \
                      src/tensor/*.c src/autograd/*.c src/cuda/*.c)
GEN     := $(BUILD)/gen/lexer.c
OBJS    := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRCS)) $(BUILD)/obj/gen/lexer.o
LIBOBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS))

ifeq ($(CUDA),1)
CUDA_HOME ?= $(patsubst %/bin/nvcc,%,$(NVCC))
CU_SRCS := $(wildcard src/cuda/*.cu)
CU_OBJS := $(patsubst src/%.cu,$(BUILD)/obj/%.cu.o,$(CU_SRCS))
CFLAGS  += -DTSC_CUDA=1 -I$(CUDA_HOME)/include
LDLIBS  += -L$(CUDA_HOME)/lib64 -Wl,-rpath,$(CUDA_HOME)/lib64 -lcudart -lcublas -lcurand
LIBOBJS += $(CU_OBJS)
endif

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))

.PHONY: all test unit unit-bins install clean fuzz san bench deps
all: $(BUILD)/tsc

$(BUILD)/tsc: $(LIBOBJS) $(BUILD)/obj/main.o
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/gen/lexer.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc/lexer -c -o $@ $<

$(GEN): src/lexer/lexer.re
	@mkdir -p $(dir $@)
	re2c -W --no-generation-date -o $@ $<

# The TensorScript library (torch.nn, torch.optim ...) is embedded in the
# binary as C strings generated from src/runtime/lib/*.tsc.
LIB_TSC := $(sort $(wildcard src/runtime/lib/*.tsc))
$(BUILD)/gen/tsc_lib.h: $(LIB_TSC) src/runtime/lib/embed.awk
	@mkdir -p $(dir $@)
	awk -f src/runtime/lib/embed.awk $(LIB_TSC) > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/runtime/mod_embedded.o: $(BUILD)/gen/tsc_lib.h

$(BUILD)/obj/%.cu.o: src/%.cu
	@mkdir -p $(dir $@)
	$(NVCC) -O2 -Isrc -c -o $@ $<

# The tensor library stands alone: its tests link only its own objects.
TENSOR_OBJS := $(filter $(BUILD)/obj/tensor/%,$(OBJS))
$(BUILD)/tests/test_tensor_%: tests/unit/test_tensor_%.c $(TENSOR_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do $$t; done

# Builds the unit-test binaries without running them (tests/run_all.sh runs
# and counts each one).
unit-bins: $(UNIT_BINS)

test: all
	tests/run_all.sh

fuzz:
	tests/fuzz/build.sh && tests/fuzz/run.sh $(or $(FUZZ_SECONDS),60)

san:
	$(MAKE) SAN=1 CUDA=0

# Installs the Debian packages the build and the tests need (when missing).
deps:
	scripts/setup.sh --deps

bench: all
	bench/run.sh

install: $(BUILD)/tsc
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BUILD)/tsc $(DESTDIR)$(PREFIX)/bin/tsc

clean:
	rm -rf build build-san build-fuzz

-include $(OBJS:.o=.d)
