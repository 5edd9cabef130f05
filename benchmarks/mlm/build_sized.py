#!/usr/bin/python3
"""Random-weight masked language models at real sizes, for the masked-LM benchmark (benchmarks/mlm/sized.sh).

Sizes (Hugging Face's configurations; random weights, BERT's initialisation N(0, 0.02)):
  bert-base   12 layers, hidden 768, 12 heads, feed-forward 3072, 512 positions, vocabulary 30,522,
              inputs input_ids, attention_mask, token_type_ids
  distilbert   6 layers, hidden 768, 12 heads, feed-forward 3072, 512 positions, vocabulary 30,522,
              inputs input_ids, attention_mask (DistilBERT has no token types)
  tiny         2 layers, hidden 32, 2 heads, feed-forward 64, 64 positions, vocabulary 1,000 (the test fixture)
The architecture is written out in plain PyTorch (python3-transformers is not in Debian): post-norm encoder
layers with GELU, the MLM head (dense, GELU, LayerNorm, decoder tied to the word embeddings, bias), as BERT's
BertForMaskedLM and DistilBERT's DistilBertForMaskedLM compute it. Exported to ONNX (opset 14) with the Hugging
Face fill-mask signature: int64 [batch, sequence] inputs, float output logits [batch, sequence, vocabulary],
batch and sequence dynamic.
Vocabulary: models/mlm/vocab.txt (so the benchmark batches' ids are valid), padded with [unusedN] entries to the
vocabulary size; for tiny: the special entries, the most frequent words and the single characters of it.
Writes DIR/model.onnx, DIR/model.pt (the same weights, for peer_torch.py), DIR/vocab.txt, DIR/config.json.
Usage: build_sized.py SIZE DIR      Needs python3-torch and python3-onnx (apt-get install python3-torch python3-onnx).
"""
import json
import math
import os
import sys

import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIZES = {
    "bert-base": dict(layers=12, hidden=768, heads=12, ffn=3072, positions=512, vocab=30522, token_types=True),
    "distilbert": dict(layers=6, hidden=768, heads=12, ffn=3072, positions=512, vocab=30522, token_types=False),
    "tiny": dict(layers=2, hidden=32, heads=2, ffn=64, positions=64, vocab=1000, token_types=True),
}
SEED = 17


class Layer(nn.Module):
    """A post-norm transformer encoder layer (BertLayer / DistilBERT's TransformerBlock)."""

    def __init__(self, c):
        super().__init__()
        h = c["hidden"]
        self.heads = c["heads"]
        self.query, self.key, self.value, self.output = (nn.Linear(h, h) for _ in range(4))
        self.attention_norm = nn.LayerNorm(h, eps=1e-12)
        self.intermediate = nn.Linear(h, c["ffn"])
        self.ffn_output = nn.Linear(c["ffn"], h)
        self.output_norm = nn.LayerNorm(h, eps=1e-12)

    def forward(self, x, bias):
        b, t, h = x.shape
        d = h // self.heads
        split = lambda y: y.view(b, t, self.heads, d).transpose(1, 2)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        attention = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + bias, dim=-1)
        x = self.attention_norm(x + self.output((attention @ v).transpose(1, 2).reshape(b, t, h)))
        return self.output_norm(x + self.ffn_output(nn.functional.gelu(self.intermediate(x))))


class MaskedLM(nn.Module):
    """BertForMaskedLM / DistilBertForMaskedLM at inference: the encoder, then the MLM head at every position."""

    def __init__(self, c):
        super().__init__()
        h = c["hidden"]
        self.token_types = c["token_types"]
        self.words = nn.Embedding(c["vocab"], h)
        self.positions = nn.Embedding(c["positions"], h)
        if self.token_types:
            self.types = nn.Embedding(2, h)
        self.embedding_norm = nn.LayerNorm(h, eps=1e-12)
        self.layers = nn.ModuleList(Layer(c) for _ in range(c["layers"]))
        self.transform = nn.Linear(h, h)
        self.transform_norm = nn.LayerNorm(h, eps=1e-12)
        self.decoder_bias = nn.Parameter(torch.zeros(c["vocab"]))
        for module in self.modules():
            if isinstance(module, (nn.Linear, nn.Embedding)):
                nn.init.normal_(module.weight, std=0.02)
            if isinstance(module, nn.Linear):
                nn.init.zeros_(module.bias)

    def forward(self, input_ids, attention_mask, token_type_ids=None):
        t = input_ids.shape[1]
        x = self.words(input_ids) + self.positions(torch.arange(t, device=input_ids.device).unsqueeze(0))
        if self.token_types:
            x = x + self.types(token_type_ids)
        x = self.embedding_norm(x)
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        for layer in self.layers:
            x = layer(x, bias)
        x = self.transform_norm(nn.functional.gelu(self.transform(x)))
        return x @ self.words.weight.T + self.decoder_bias


def vocabulary(size):
    base = open(os.path.join(ROOT, "models", "mlm", "vocab.txt"), encoding="utf-8").read().split("\n")
    base = [w for w in base if w]
    if size >= len(base):
        return base + [f"[unused{i}]" for i in range(size - len(base))]
    keep = [w for w in base if w.startswith("[") or len(w) == 1 or (w.startswith("##") and len(w) == 3)]
    words = [w for w in base if w not in set(keep)]
    return (keep + words)[:size] if len(keep) < size else sys.exit(f"vocabulary size {size} is below the {len(keep)} special and character entries")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SIZES:
        sys.exit(f"usage: build_sized.py SIZE DIR   (SIZE: {', '.join(SIZES)})")
    name, out = sys.argv[1], sys.argv[2]
    c = SIZES[name]
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(SEED)
    model = MaskedLM(c).eval()
    vocab = vocabulary(c["vocab"])
    with open(os.path.join(out, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")
    with open(os.path.join(out, "config.json"), "w", encoding="utf-8") as f:  # as Hugging Face exports write it
        json.dump({"model_type": "bert" if c["token_types"] else "distilbert", "vocab_size": c["vocab"], "hidden_size": c["hidden"],
                   "num_hidden_layers": c["layers"], "num_attention_heads": c["heads"], "intermediate_size": c["ffn"],
                   "max_position_embeddings": c["positions"]}, f, indent=2)
    torch.save(model.state_dict(), os.path.join(out, "model.pt"))
    example = torch.tensor([[2, 10, 11, 4, 12, 3], [2, 13, 4, 3, 0, 0]])
    mask = (example != 0).long()
    names = ["input_ids", "attention_mask"] + (["token_type_ids"] if c["token_types"] else [])
    args = (example, mask, torch.zeros_like(example)) if c["token_types"] else (example, mask)
    with torch.no_grad():
        torch.onnx.export(model, args, os.path.join(out, "model.onnx"), input_names=names, output_names=["logits"],
                          dynamic_axes={n: {0: "batch", 1: "sequence"} for n in names + ["logits"]}, opset_version=14)
    print(f"{name}: {sum(p.numel() for p in model.parameters()):,} parameters -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
