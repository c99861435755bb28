/* test_torch_sig.c — the op table and its signature machinery (BIND-A):
 * every row of torch_ops.def parses and is well formed, and argument
 * binding handles varargs sizes, dim tuples, keyword names and their
 * numpy aliases, defaults, and PyTorch's TypeError texts.
 *
 * The last line is "N passed, M failed"; the exit status is 0 only when
 * everything passed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/builtins.h"
#include "runtime/objects.h"
#include "runtime/torch_private.h"
#include "runtime/vm.h"

static int passed, failed;

static void check(bool ok, const char *what)
{
    if (ok) {
        passed++;
        return;
    }
    failed++;
    fprintf(stderr, "FAIL: %s\n", what);
}

/* Every row: parses, unique name, an impl, methods take a Tensor first. */
static void test_rows(void)
{
    for (int i = 0; i < torch_op_count; i++) {
        const TorchOpDef *op = &torch_op_table[i];
        TorchSigSet set;
        bool ok = torch_sig_parse(op->sig, &set);
        if (!ok) rt_exc_clear();
        check(ok, op->name);
        check(op->impl != NULL, op->name);
        check(op->doc && *op->doc, op->name);
        bool unique = true;
        for (int j = 0; j < i; j++) unique &= strcmp(torch_op_table[j].name, op->name) != 0;
        check(unique, op->name);
        if (ok && (op->flags & (F_METHOD | F_INPLACE)))
            check(set.s[0].p[0].kind == PK_TENSOR, op->name);
    }
}

static KwArgs kw1(const char *name, Value v, Obj **names, Value *vals)
{
    names[0] = str_intern(name);
    vals[0] = v;
    return (KwArgs){1, names, vals};
}

/* view(2, 3), view((2, 3)), sum(dim=(0, 1)), sum(axis=0), defaults. */
static void test_binding(Value t)
{
    TorchSigSet set;
    TorchCall c;
    check(torch_sig_parse("view(Tensor input, ScalarType dtype) | view(Tensor input, int[] *size)", &set),
          "parse view");
    Value args[3] = {t, v_int(2), v_int(3)};
    check(torch_sig_bind(&set, "view", t, args, 3, NULL, &c, true) && c.overload == 1 &&
              c.a[1].n == 2 && c.a[1].list[0] == 2 && c.a[1].list[1] == 3,
          "view varargs");
    torch_call_free(&c);
    Value tup = tuple_pack(2, v_int(4), v_int(-1));
    Value args2[2] = {t, tup};
    check(torch_sig_bind(&set, "view", t, args2, 2, NULL, &c, true) && c.a[1].n == 2 &&
              c.a[1].list[1] == -1,
          "view tuple");
    torch_call_free(&c);

    check(torch_sig_parse("sum(Tensor input, *, ScalarType? dtype=None) | sum(Tensor input, dim? dim, "
                          "bool keepdim=False, *, ScalarType? dtype=None)", &set), "parse sum");
    Obj *names[1];
    Value vals[1];
    KwArgs kw = kw1("dim", tup, names, vals);
    check(torch_sig_bind(&set, "sum", V_UNBOUND, &t, 1, &kw, &c, false) && c.overload == 1 &&
              c.a[1].n == 2 && c.a[2].i == 0 && !c.a[2].given,
          "sum dim tuple + default keepdim");
    torch_call_free(&c);
    kw = kw1("axis", v_int(0), names, vals);
    check(torch_sig_bind(&set, "sum", V_UNBOUND, &t, 1, &kw, &c, false) && c.a[1].list[0] == 0,
          "sum axis alias");
    torch_call_free(&c);
    kw = kw1("bogus", v_int(0), names, vals);
    bool bad = !torch_sig_bind(&set, "sum", V_UNBOUND, &t, 1, &kw, &c, false);
    Value e = rt_exc_take();
    Value msg = IS_ERR(e) || IS_NONE(e) ? V_NONE : exc_str(e);
    check(bad && IS_TYPE(msg, &str_type) &&
              strstr(str_cstr(msg), "sum() received an invalid combination of arguments") != NULL,
          "sum unknown keyword message");
    v_decref(msg);
    v_decref(e);
    v_decref(tup);
}

/* A lone overload names the argument and its position. */
static void test_single_overload_message(Value t)
{
    TorchSigSet set;
    TorchCall c;
    torch_sig_parse("add(Tensor input, TensorOrScalar other, *, Scalar alpha=1, Tensor? out=None)", &set);
    Value s = str_from_cstr("x");
    Value args[2] = {t, s};
    bool bad = !torch_sig_bind(&set, "add", V_UNBOUND, args, 2, NULL, &c, false);
    Value e = rt_exc_take();
    Value msg = exc_str(e);
    check(bad && IS_TYPE(msg, &str_type) &&
              !strcmp(str_cstr(msg), "add(): argument 'other' (position 2) must be Tensor, not str"),
          "add wrong type message");
    v_decref(msg);
    v_decref(e);
    v_decref(s);
}

int main(int argc, char **argv)
{
    vm_init(argc, argv);
    Value torch = rt_import("torch");
    check(!IS_ERR(torch), "import torch");
    int64_t sz[2] = {2, 3};
    Value t = torch_wrap(ts_zeros(2, sz, TS_FLOAT32, TS_CPU));
    check(!IS_ERR(t), "tensor");
    test_rows();
    test_binding(t);
    test_single_overload_message(t);
    v_decref(t);
    v_decref(torch);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
