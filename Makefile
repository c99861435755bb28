# TensorScript build.  `make` builds build/tsc; `make test` runs every test.
# Variants: `make SAN=1` (ASan+UBSan, into build-san/), `make CUDA=1`
# (the CUDA backend, into build-cuda/; default CUDA=0: a CPU-only build
# that needs no CUDA toolkit and links no CUDA library), `make cuda-check`
# (proves the CUDA build compiles and links), `make fuzz`.

CC      ?= cc
PREFIX  ?= /usr/local
SAN     ?= 0
OPT     ?= -O2

CUDA    ?= 0

# Objects compiled with and without TSC_CUDA never share a folder.
BUILD   := build
ifeq ($(CUDA),1)
BUILD   := build-cuda
endif
ifeq ($(SAN),1)
BUILD   := build-san
OPT     := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDSAN   := -fsanitize=address,undefined
endif

NVCC    ?= $(shell command -v nvcc 2>/dev/null || ls /usr/local/cuda/bin/nvcc 2>/dev/null)

CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror $(OPT) -MMD -MP -Isrc -I$(BUILD)/gen \
           -I/usr/include/openblas -pthread
# OpenBLAS is not linked: src/tensor/blas.c dlopens it on the first BLAS
# call (its headers are still needed, and the library must be installed).
LDLIBS  += -lreadline -ldl -lm -pthread $(LDSAN)

SRCS    := $(wildcard src/*.c src/lexer/*.c src/parser/*.c src/runtime/*.c \
                      src/tensor/*.c src/autograd/*.c src/cuda/*.c)
GEN     := $(BUILD)/gen/lexer.c
OBJS    := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRCS)) $(BUILD)/obj/gen/lexer.o
LIBOBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS))

# The CUDA backend (src/cuda/*.cu, nvcc).  Machine code for Hopper (sm_90,
# H100/H200) plus compute_90 PTX that the driver compiles for newer GPUs;
# override CUDA_ARCH for others, e.g. CUDA_ARCH='-arch=sm_80'.
CUDA_ARCH ?= -gencode arch=compute_90,code=sm_90 -gencode arch=compute_90,code=compute_90
# (tensor.h is C: its designated initialisers leave members implicit.)
NVCCFLAGS ?= -O2 -std=c++17 -Xcompiler -Wall,-Wextra,-Werror,-Wno-missing-field-initializers \
             -Werror all-warnings
ifeq ($(CUDA),1)
ifeq ($(NVCC),)
$(error CUDA=1 but nvcc was not found: pass NVCC=/path/to/nvcc)
endif
CUDA_HOME ?= $(patsubst %/bin/nvcc,%,$(NVCC))
CU_SRCS := $(wildcard src/cuda/*.cu)
CU_OBJS := $(patsubst src/%.cu,$(BUILD)/obj/%.cu.o,$(CU_SRCS))
CFLAGS  += -DTSC_CUDA=1 -I$(CUDA_HOME)/include
LDLIBS  += -L$(CUDA_HOME)/lib64 -Wl,-rpath,$(CUDA_HOME)/lib64 -lcublas -lcudart \
           -lstdc++   # nvcc objects are C++ (static-init guards)
LIBOBJS += $(CU_OBJS)
endif

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))

.PHONY: all test unit unit-bins install clean fuzz san bench deps libobjs print-libobjs cuda-check
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
	$(NVCC) $(NVCCFLAGS) $(CUDA_ARCH) -DTSC_CUDA=1 -Isrc -MMD -MP -MF $(@:.o=.d) -c -o $@ $<

# The tensor library stands alone: its tests link only its own objects.
TENSOR_OBJS := $(filter $(BUILD)/obj/tensor/%,$(OBJS))
$(BUILD)/tests/test_tensor_%: tests/unit/test_tensor_%.c $(TENSOR_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# The CUDA kernels are checked against the CPU library: the test links the
# tensor library and the backend only (it skips cleanly without a GPU, and
# reports everything skipped in a CPU-only build).
$(BUILD)/tests/test_cuda: tests/unit/test_cuda.c $(TENSOR_OBJS) $(CU_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# Proves the CUDA build compiles and links (no GPU needed), then runs the
# kernel test, which skips when no GPU is present.
cuda-check:
	$(MAKE) CUDA=1 BUILD=build-cuda build-cuda/tsc build-cuda/tests/test_cuda
	build-cuda/tests/test_cuda

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do $$t; done

# Builds the unit-test binaries without running them (tests/run_all.sh runs
# and counts each one).
unit-bins: $(UNIT_BINS)

# The interpreter without main.o, for other drivers (tests/fuzz/build.sh
# builds these with clang's sanitizers into build-fuzz/ and links its harness).
libobjs: $(LIBOBJS)
print-libobjs:
	@echo $(LIBOBJS)

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
	rm -rf build build-san build-fuzz build-cuda

-include $(OBJS:.o=.d) $(CU_OBJS:.o=.d)
