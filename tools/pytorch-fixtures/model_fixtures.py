"""Model fixtures: stacked and bidirectional nn.LSTM / nn.GRU / nn.RNN with an nn.Linear head (issue 14).

Imported by make_fixtures.py (`make_fixtures.py model` rewrites only these). Each case writes one float64 file
`model_{module}_l{layers}[_bi]_d{D}_h{H}_v{V}[_last][_packed]_f64.safetensors` in the fixture format of README.md, with
the multi-layer shapes: input.h0 / input.c0 / output.h_n / output.c_n are [layers * directions, m, H] (PyTorch's order:
layer-major, forward before reverse), output.h is [T, m, directions * H]; the packed case adds input.lengths [m] (whole
numbers stored as floats) and runs through pack_padded_sequence / pad_packed_sequence, so output.h and grad.input.x are
zero at padded steps and the loss only covers valid steps.
"""

import torch
import torch.nn.functional as F

# (module, layers, bidirectional, D, H, V, head, loss steps, T, m, reduction, lengths or None).
# head "linear": y = head(out), loss 1/2 ||y_t - target_t||^2; head "softmax": cross-entropy of head(out) against classes.
# loss steps "every": every valid step; "last": each sequence's last valid step only.
MODEL_CASES = [
    ("lstm", 2, True, 3, 4, 2, "linear", "every", 5, 2, "sum", None),
    ("gru", 2, False, 3, 5, 2, "linear", "last", 5, 3, "mean", None),
    ("rnn", 1, True, 3, 4, 3, "softmax", "every", 4, 2, "sum", None),
    ("lstm", 2, True, 2, 3, 2, "linear", "every", 5, 3, "sum", [5, 3, 1]),
]

# Bias-free model cases (bias=False on every layer: no bias_ih_l{k} / bias_hh_l{k}); the head keeps its bias. Same
# fields; seeds continue after MODEL_CASES; files *_nobias_f64.
BIAS_FREE_MODEL_CASES = [
    ("gru", 2, False, 3, 5, 2, "linear", "every", 5, 3, "sum", None),
]

MODULES = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}


def model_file_name(case, bias=True):
    kind, layers, bidirectional, d, h, v, head, steps, _, _, _, lengths = case
    return (f"model_{kind}_l{layers}{'_bi' if bidirectional else ''}_d{d}_h{h}_v{v}"
            f"{'_last' if steps == 'last' else ''}{'_packed' if lengths else ''}{'' if bias else '_nobias'}_f64.safetensors")


def make_model_case(index, case, write_safetensors, out_path, bias=True):
    kind, layers, bidirectional, d, h, v, head_kind, loss_steps, steps, batch, reduction, lengths = case
    dtype = torch.float64
    seed = 5000 + index
    torch.manual_seed(seed)
    dirs = 2 if bidirectional else 1
    extra = {"nonlinearity": "tanh"} if kind == "rnn" else {}
    module = MODULES[kind](d, h, num_layers=layers, bidirectional=bidirectional, bias=bias, **extra).to(dtype)
    head = torch.nn.Linear(dirs * h, v).to(dtype)
    x = torch.randn(steps, batch, d, dtype=dtype).requires_grad_(True)
    h0 = (0.5 * torch.randn(layers * dirs, batch, h, dtype=dtype)).requires_grad_(True)
    c0 = (0.5 * torch.randn(layers * dirs, batch, h, dtype=dtype)).requires_grad_(True)
    if head_kind == "softmax":
        targets = torch.randint(0, v, (steps, batch))
    else:
        targets = 0.5 * torch.randn(steps, batch, v, dtype=dtype)
    valid = lengths or [steps] * batch

    state = (h0, c0) if kind == "lstm" else h0
    if lengths:
        packed = torch.nn.utils.rnn.pack_padded_sequence(x, torch.tensor(lengths), enforce_sorted=True)
        out_packed, final = module(packed, state)
        out, _ = torch.nn.utils.rnn.pad_packed_sequence(out_packed, total_length=steps)
    else:
        out, final = module(x, state)
    hn, cn = final if kind == "lstm" else (final, None)

    # mask[t, b] = 1 where step t of sequence b carries a loss.
    mask = torch.zeros(steps, batch, dtype=dtype)
    for b, length in enumerate(valid):
        if loss_steps == "every":
            mask[:length, b] = 1
        else:
            mask[length - 1, b] = 1
    y = head(out)
    if head_kind == "softmax":
        per_step = F.cross_entropy(y.reshape(-1, v), targets.reshape(-1), reduction="none").reshape(steps, batch)
        loss = (per_step * mask).sum()
    else:
        loss = 0.5 * (((y - targets) ** 2).sum(dim=2) * mask).sum()
    if reduction == "mean":
        loss = loss / batch
    loss.backward()

    prefix = kind + "."
    model = torch.nn.Module()
    model.add_module(kind, module)
    model.add_module("head", head)
    tensors = dict(model.state_dict())
    for name, p in model.named_parameters():
        tensors["grad." + name] = p.grad
    tensors["input.x"] = x.detach()
    tensors["input.h0"] = h0.detach()
    tensors["grad.input.x"] = x.grad
    tensors["grad.input.h0"] = h0.grad
    if kind == "lstm":
        tensors["input.c0"] = c0.detach()
        tensors["grad.input.c0"] = c0.grad
        tensors["output.c_n"] = cn.detach()
    tensors["input.target"] = targets.to(dtype)
    if lengths:
        tensors["input.lengths"] = torch.tensor(lengths, dtype=dtype)
    tensors["output.h"] = out.detach()
    tensors["output.h_n"] = hn.detach()
    tensors["output.loss"] = loss.detach().reshape(1)

    metadata = {
        "module": kind,
        "num_layers": str(layers),
        "bidirectional": "true" if bidirectional else "false",
        "input_size": str(d),
        "hidden_size": str(h),
        "output_size": str(v),
        "head": head_kind,
        "loss": "cross_entropy" if head_kind == "softmax" else "mse",
        "loss_steps": loss_steps,
        "steps": str(steps),
        "batch": str(batch),
        "reduction": reduction,
        "dtype": "f64",
        "cell_prefix": prefix,
        "head_prefix": "head.",
        "torch_version": torch.__version__,
        "seed": str(seed),
    }
    if lengths:
        metadata["lengths"] = ",".join(str(n) for n in lengths)
    if not bias:
        metadata["bias"] = "false"
    name = model_file_name(case, bias)
    write_safetensors(out_path(name), tensors, metadata)
    return name


def make_model_cases(write_safetensors, out_path):
    written = [make_model_case(index, case, write_safetensors, out_path) for index, case in enumerate(MODEL_CASES)]
    first = len(MODEL_CASES)
    written += [make_model_case(first + index, case, write_safetensors, out_path, bias=False)
                for index, case in enumerate(BIAS_FREE_MODEL_CASES)]
    return written
