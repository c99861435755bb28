/* torch_grad_fn.c — grad_fn objects: the Python face of an AgNode.
 *
 * type(y.grad_fn).__name__ is the node's name ("MulBackward0"), so each
 * name gets its own Type, made on first use and kept for the program's
 * life; all derive from one base type holding the attributes:
 * name(), next_functions, variable (AccumulateGrad), metadata.  A node
 * keeps a weak pointer to its object so that asking twice gives the same
 * object (z.grad_fn.next_functions[0][0] == y.grad_fn holds).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"

#define IMMORTAL_RC ((int64_t)1 << 60)

typedef struct GradFnObj {
    Obj hdr;
    AgNode *n;
} GradFnObj;

static Type node_base_type;

static void gradfn_dealloc(Obj *o)
{
    GradFnObj *g = (GradFnObj *)o;
    if (g->n->pyobj == o) g->n->pyobj = NULL;
    ag_node_release(g->n);
    free(o);
}

static Value gradfn_repr(Value v)
{
    GradFnObj *g = (GradFnObj *)v.o;
    return str_fmt("<%s object at %p>", g->n->name, (void *)v.o);
}

static Value next_functions(AgNode *n)
{
    Value t = tuple_new(n->n_next);
    if (IS_ERR(t)) return t;
    for (int i = 0; i < n->n_next; i++) {
        AgEdge e = n->next[i];
        Value f = e.fn ? torch_grad_fn_value(e.fn) : V_NONE;
        Value pair = IS_ERR(f) ? V_ERR : tuple_pack(2, f, v_int(e.nr));
        v_decref(f);
        if (IS_ERR(pair)) {
            v_decref(t);
            return V_ERR;
        }
        ((Tuple *)t.o)->items[i] = pair;
    }
    return t;
}

static Value gradfn_getattr(Value v, Obj *name)
{
    AgNode *n = ((GradFnObj *)v.o)->n;
    const char *s = ((Str *)name)->data;
    if (!strcmp(s, "next_functions")) return next_functions(n);
    if (!strcmp(s, "metadata")) return dict_new();
    if (!strcmp(s, "variable") && n->variable) {
        if (n->variable->owner) return v_incref(v_obj(n->variable->owner));
        return V_NONE;
    }
    return V_UNBOUND;
}

static Value m_name(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (nargs != 1) return rt_raise(&exc_TypeError, "name() takes no arguments");
    const char *nm = ((GradFnObj *)args[0].o)->n->name;
    /* PyTorch's name() of a leaf's node is its C++ name, unlike its type's */
    if (!strcmp(nm, "AccumulateGrad")) nm = "torch::autograd::AccumulateGrad";
    return str_from_cstr(nm);
}

static const MethodDef gradfn_methods[] = {
    {"name", m_name, "name()\n\nThe node's name, e.g. 'MulBackward0'.", 0},
    {NULL, NULL, NULL, 0},
};

static Type node_base_type = {
    .hdr = {IMMORTAL_RC, &type_type}, .name = "Node", .base = &object_type,
    .doc = "Node\n\nA node of the autograd graph (a grad_fn).",
    .basicsize = sizeof(GradFnObj), .dealloc = gradfn_dealloc, .repr = gradfn_repr,
    .getattr = gradfn_getattr,
};

/* ---- one Type per node name ---- */

typedef struct NameType {
    struct NameType *next;
    Type *t;
} NameType;
static NameType *name_types;

static Type *type_for(const char *name)
{
    for (NameType *e = name_types; e; e = e->next)
        if (!strcmp(e->t->name, name)) return e->t;
    NameType *e = rt_alloc(sizeof *e);
    Type *t = rt_alloc(sizeof *t);
    char *nm = strdup(name);
    if (!e || !t || !nm) {
        free(e);
        free(t);
        free(nm);
        if (!nm) rt_nomem();
        return NULL;
    }
    *t = node_base_type;
    t->name = nm;
    t->base = &node_base_type;
    t->dict = NULL;
    *e = (NameType){name_types, t};
    name_types = e;
    return t;
}

Value torch_grad_fn_value(AgNode *n)
{
    if (n->pyobj) return v_incref(v_obj(n->pyobj));
    Type *t = type_for(n->name);
    if (!t) return V_ERR;
    GradFnObj *g = obj_alloc(t, sizeof *g);
    if (!g) return V_ERR;
    ag_node_retain(n);
    g->n = n;
    n->pyobj = g;
    return v_obj(g);
}

bool torch_grad_fn_init(Value autograd)
{
    (void)autograd;
    if (!node_base_type.dict) type_add_methods(&node_base_type, gradfn_methods);
    return true;
}
