#!/usr/bin/python3
"""Write the PyTorch reference fixtures that tests/LstmGen.Interop.Tests/PyTorch checks generated cells against.

Run with Debian's python3-torch (1.13):  /usr/bin/python3 tools/pytorch-fixtures/make_fixtures.py
It rewrites tests/LstmGen.Interop.Tests/Fixtures/PyTorch/*.safetensors; the output is deterministic for a given
PyTorch build (fixed seeds, one thread). CI does not run this script: the fixture files are committed.

Each case writes one safetensors file holding the module's state dict, the inputs, PyTorch's outputs, the loss and
the gradients of the loss with respect to every parameter, the inputs and the initial state (see README.md here).
The safetensors format is written by hand (no `safetensors` package is needed): an 8-byte little-endian header
length, a JSON header {name: {dtype, shape, data_offsets}} with `__metadata__`, padded with spaces to a multiple of
8 bytes, then the raw little-endian tensor data, contiguous, in header order.
"""

import json
import os
import struct
import sys

import torch
import torch.nn.functional as F

sys.dont_write_bytecode = True  # no __pycache__ beside the script
from model_fixtures import make_model_cases  # noqa: E402

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "LstmGen.Interop.Tests",
                       "Fixtures", "PyTorch")

# (module, D, H, V (0 = no head), T, m, reduction). V > 0 means an nn.Linear head and softmax cross-entropy against
# class indices; V = 0 means the squared error 1/2 ||h_t - y_t||^2 on the hidden outputs (LstmGen's MseLoss).
# Reductions follow LstmGen's BatchReduction: "sum" adds the m per-sequence losses, "mean" divides the sum by m.
CASES = [
    ("lstm", 2, 1, 0, 5, 2, "sum"),
    ("lstm", 3, 5, 4, 4, 3, "mean"),
    ("lstm", 7, 17, 0, 6, 2, "mean"),
    ("lstm", 4, 33, 0, 4, 2, "sum"),
    ("lstmcell", 2, 1, 0, 6, 1, "sum"),
    ("lstmcell", 3, 5, 0, 5, 2, "mean"),
    ("lstmcell", 7, 17, 3, 4, 2, "sum"),
    ("lstmcell", 4, 33, 0, 4, 2, "mean"),
    ("rnn", 2, 1, 0, 5, 2, "sum"),
    ("rnn", 3, 5, 4, 4, 3, "mean"),
    ("rnn", 7, 17, 0, 6, 2, "mean"),
    ("rnn", 4, 33, 0, 4, 2, "sum"),
    ("rnncell", 3, 5, 0, 5, 2, "sum"),
    ("rnncell", 7, 17, 0, 4, 3, "mean"),
    ("gru", 3, 4, 0, 5, 2, "sum"),
    ("gru", 5, 6, 5, 6, 2, "mean"),
    ("gru", 7, 17, 0, 6, 2, "mean"),
    ("gru", 4, 33, 3, 4, 2, "sum"),
    ("grucell", 3, 5, 0, 5, 2, "sum"),
    ("grucell", 7, 17, 3, 4, 3, "mean"),
]

# Bias-free modules (bias=False: no bias_ih / bias_hh), float64 only, seeds 2000 + index; files *_nobias_*_f64.
BIAS_FREE_CASES = [
    ("lstm", 3, 5, 4, 4, 3, "mean"),
    ("rnn", 4, 6, 0, 4, 2, "sum"),
    ("gru", 3, 4, 0, 5, 2, "sum"),
]

# Cases whose inputs are one-hot rows (a character model's input) instead of Gaussian draws: x_t = e_k, k uniform.
ONE_HOT = {("gru", 5, 6, 5)}

PREFIX = {"lstm": "lstm.", "lstmcell": "cell.", "rnn": "rnn.", "rnncell": "cell.", "gru": "gru.", "grucell": "cell."}
HEAD_PREFIX = "head."
DTYPES = {"f32": torch.float32, "f64": torch.float64}


def make_module(kind, d, h, bias=True):
    if kind == "lstm":
        return torch.nn.LSTM(d, h, num_layers=1, bias=bias)
    if kind == "lstmcell":
        return torch.nn.LSTMCell(d, h, bias=bias)
    if kind == "rnn":
        return torch.nn.RNN(d, h, num_layers=1, nonlinearity="tanh", bias=bias)
    if kind == "gru":
        return torch.nn.GRU(d, h, num_layers=1, bias=bias)
    if kind == "grucell":
        return torch.nn.GRUCell(d, h, bias=bias)
    return torch.nn.RNNCell(d, h, nonlinearity="tanh", bias=bias)


def run(kind, module, x, h0, c0):
    """All hidden outputs [T, m, H], the final h and (LSTM) final c, each sequence starting from (h0, c0)."""
    if kind == "lstm":
        out, (hn, cn) = module(x, (h0.unsqueeze(0), c0.unsqueeze(0)))
        return out, hn.squeeze(0), cn.squeeze(0)
    if kind in ("rnn", "gru"):
        out, hn = module(x, h0.unsqueeze(0))
        return out, hn.squeeze(0), None
    h, c, outs = h0, c0, []
    for t in range(x.shape[0]):
        if kind == "lstmcell":
            h, c = module(x[t], (h, c))
        else:
            h = module(x[t], h)
        outs.append(h)
    return torch.stack(outs), h, c


def make_case(index, kind, d, h, v, steps, batch, reduction, dtype_key, bias=True):
    dtype = DTYPES[dtype_key]
    seed = (1000 if bias else 2000) + index
    torch.manual_seed(seed)
    module = make_module(kind, d, h, bias)
    head = torch.nn.Linear(h, v) if v > 0 else None
    one_hot = (kind, d, h, v) in ONE_HOT
    x = F.one_hot(torch.randint(0, d, (steps, batch)), d).to(torch.float32) if one_hot else torch.randn(steps, batch, d)
    h0 = 0.5 * torch.randn(batch, h)
    c0 = torch.randn(batch, h)
    targets = torch.randint(0, v, (steps, batch)) if v > 0 else 0.5 * torch.randn(steps, batch, h)

    # The same draws for both precisions: the float64 case is the float32 case computed in double.
    module = module.to(dtype)
    if head is not None:
        head = head.to(dtype)
    x = x.to(dtype).requires_grad_(True)
    h0 = h0.to(dtype).requires_grad_(True)
    c0 = c0.to(dtype).requires_grad_(True)
    if v == 0:
        targets = targets.to(dtype)

    out, hn, cn = run(kind, module, x, h0, c0)
    if head is not None:
        logits = head(out)
        loss = F.cross_entropy(logits.reshape(-1, v), targets.reshape(-1), reduction="sum")
    else:
        loss = 0.5 * ((out - targets) ** 2).sum()
    if reduction == "mean":
        loss = loss / batch
    loss.backward()

    # The names are PyTorch's own: the state dict of a model holding the module (and the head) as attributes, the
    # way a user's model registers them (self.lstm = nn.LSTM(...); self.head = nn.Linear(...)).
    prefix = PREFIX[kind]
    model = torch.nn.Module()
    model.add_module(prefix.rstrip("."), module)
    if head is not None:
        model.add_module(HEAD_PREFIX.rstrip("."), head)
    tensors = dict(model.state_dict())
    for name, p in model.named_parameters():
        tensors["grad." + name] = p.grad
    tensors["input.x"] = x.detach()
    tensors["input.h0"] = h0.detach()
    tensors["grad.input.x"] = x.grad
    tensors["grad.input.h0"] = h0.grad
    if kind.startswith("lstm"):
        tensors["input.c0"] = c0.detach()
        tensors["grad.input.c0"] = c0.grad
        tensors["output.c_n"] = cn.detach()
    # Class indices are stored as whole numbers in the fixture's float type, so every tensor is F32 or F64.
    tensors["input.target"] = targets.to(dtype)
    tensors["output.h"] = out.detach()
    tensors["output.h_n"] = hn.detach()
    tensors["output.loss"] = loss.detach().reshape(1)

    metadata = {
        "module": kind,
        "input_size": str(d),
        "hidden_size": str(h),
        "output_size": str(v),
        "steps": str(steps),
        "batch": str(batch),
        "loss": "cross_entropy" if v > 0 else "mse",
        "reduction": reduction,
        "dtype": dtype_key,
        "cell_prefix": prefix,
        "head_prefix": HEAD_PREFIX if v > 0 else "",
        "torch_version": torch.__version__,
        "seed": str(seed),
    }
    if one_hot:
        metadata["input"] = "one_hot"
    if not bias:
        metadata["bias"] = "false"
    head_part = f"_v{v}" if v > 0 else ""
    name = f"{kind}{'' if bias else '_nobias'}_d{d}_h{h}{head_part}_{dtype_key}.safetensors"
    write_safetensors(os.path.join(OUT_DIR, name), tensors, metadata)
    return name


def write_safetensors(path, tensors, metadata=None):
    """Writes {name: float32 or float64 tensor} as a safetensors file, like safetensors.torch.save_file.

    Usable on its own: write_safetensors("model.safetensors", model.state_dict()).
    """
    header = {"__metadata__": dict(metadata)} if metadata else {}
    blobs = []
    offset = 0
    for name in sorted(tensors):
        t = tensors[name].detach().contiguous().cpu()
        if t.dtype == torch.float32:
            dtype_name, code = "F32", "f"
        elif t.dtype == torch.float64:
            dtype_name, code = "F64", "d"
        else:
            raise ValueError(f"{name}: expected float32 or float64, got {t.dtype}")
        values = t.reshape(-1).tolist()
        blob = struct.pack("<" + code * len(values), *values)
        header[name] = {"dtype": dtype_name, "shape": list(t.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    header_bytes = json.dumps(header, separators=(",", ":")).encode("utf-8")
    header_bytes += b" " * ((8 - len(header_bytes) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(header_bytes)))
        f.write(header_bytes)
        for blob in blobs:
            f.write(blob)


def main():
    """Writes every case, or with module names as arguments (e.g. `gru grucell`) only the cases of those modules;
    `model` selects the stacked / bidirectional model cases of model_fixtures.py, `nobias` the bias-free cases."""
    torch.set_num_threads(1)
    os.makedirs(OUT_DIR, exist_ok=True)
    only = set(sys.argv[1:])
    written = []
    for index, case in enumerate(CASES):
        if only and case[0] not in only:
            continue
        for dtype_key in ("f32", "f64"):
            written.append(make_case(index, *case, dtype_key))
    if not only or "nobias" in only:
        for index, case in enumerate(BIAS_FREE_CASES):
            written.append(make_case(index, *case, "f64", bias=False))
    if not only or "model" in only:
        written.extend(make_model_cases(write_safetensors, lambda name: os.path.join(OUT_DIR, name)))
    total = sum(os.path.getsize(os.path.join(OUT_DIR, n)) for n in written)
    print(f"wrote {len(written)} fixtures ({total} bytes) to {os.path.normpath(OUT_DIR)} with torch {torch.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
