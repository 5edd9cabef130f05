#!/usr/bin/python3
"""Convert a BERT-family fill-mask ONNX model so that it computes the vocabulary projection only at the masked
positions, optionally with int8 dynamic quantization of its weight matrices.

A Hugging Face fill-mask export (and models/mlm/build_mlm.py, benchmarks/mlm/build_sized.py) computes
logits [batch, sequence, vocabulary] at every position, though fill-mask reads only the masked ones; at
BERT-base size the projection onto 30,522 words is about a third of the work. This script finds the MLM head's
decoder -- the MatMul with a [hidden, vocabulary] weight on the path to the output logits (only elementwise
nodes such as the bias Add may follow it) -- and gathers the rows before it:

    hidden [batch, sequence, hidden] -> Reshape [batch*sequence, hidden] -> Gather(masked_positions) -> decoder

The converted model has one more input, masked_positions (int64 [masked]: sequence * padded_length + position,
row-major over the padded batch), and its output is masked_logits [masked, vocabulary] instead of logits.
textaugment's mlm stage recognises it by these names and sends only the masked positions; a model without
them keeps working at full cost. The head's dense+GELU+LayerNorm before the decoder (hidden x hidden per
position, ~1/40 of the decoder at BERT size) still runs at every position.

--int8: dynamic quantization (Jacob et al. 2018, "Quantization and Training of Neural Networks for Efficient
Integer-Arithmetic-Only Inference"; the scheme of ONNX Runtime's quantize_dynamic): each MatMul whose weight is
a 2-D float initializer gets its weight as int8 (symmetric, one scale per tensor), its activations quantized to
uint8 per call by DynamicQuantizeLinear, MatMulInteger, then a float rescale. ONNX Runtime fuses this pattern
into DynamicQuantizeMatMul. The attention products (activation x activation) stay float.
Usage: gather_masked.py IN.onnx OUT.onnx [--int8] [--full]   (--full: keep the full logits, only quantize)
Needs python3-onnx (apt-get install python3-onnx).
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ELEMENTWISE = {"Add", "Identity", "Mul", "Sub", "Div"}


def producer_map(graph):
    return {o: n for n in graph.node for o in n.output}


def gather_masked(model, path):
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    outputs = [o for o in graph.output if o.name == "logits"]
    if len(outputs) != 1:
        sys.exit(f"{path}: no output named logits (it has {[o.name for o in graph.output]}); not a fill-mask export")
    producers = producer_map(graph)
    name, chain = "logits", []
    while True:
        node = producers.get(name)
        if node is None:
            sys.exit(f"{path}: the output logits does not come from a MatMul over a [hidden, vocabulary] weight")
        if node.op_type == "MatMul" and node.input[1] in inits and len(inits[node.input[1]].dims) == 2:
            decoder = node
            break
        dynamic = [i for i in node.input if i not in inits and i in producers and producers[i].op_type != "Constant"]
        if node.op_type not in ELEMENTWISE or len(dynamic) != 1:
            sys.exit(f"{path}: node {node.name} ({node.op_type}) between the decoder and logits is not elementwise; "
                     "cannot gather the masked rows before it")
        chain.append(node)
        name = dynamic[0]
    hidden = inits[decoder.input[1]].dims[0]
    vocabulary = inits[decoder.input[1]].dims[1]
    shape = numpy_helper.from_array(np.array([-1, hidden], dtype=np.int64), "masked_gather_shape")
    graph.initializer.append(shape)
    flat = helper.make_node("Reshape", [decoder.input[0], shape.name], ["masked_gather_flat"], name="masked_gather_reshape")
    gather = helper.make_node("Gather", ["masked_gather_flat", "masked_positions"], ["masked_gather_rows"], name="masked_gather", axis=0)
    decoder.input[0] = "masked_gather_rows"
    index = list(graph.node).index(decoder)
    graph.node.insert(index, gather)
    graph.node.insert(index, flat)
    for node in graph.node:
        node.output[:] = ["masked_logits" if o == "logits" else o for o in node.output]
    graph.output.remove(outputs[0])
    graph.output.append(helper.make_tensor_value_info("masked_logits", TensorProto.FLOAT, ["masked", vocabulary]))
    graph.input.append(helper.make_tensor_value_info("masked_positions", TensorProto.INT64, ["masked"]))
    print(f"{path}: gathers the masked rows before {decoder.name} ([{hidden}, {vocabulary}] weight)", file=sys.stderr)


def quantize_int8(model):
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    users = {}
    for n in graph.node:
        for i in n.input:
            users[i] = users.get(i, 0) + 1
    nodes, count = [], 0
    for node in graph.node:
        weight = inits.get(node.input[1]) if node.op_type == "MatMul" and len(node.input) == 2 else None
        if weight is None or len(weight.dims) != 2 or weight.data_type != TensorProto.FLOAT:
            nodes.append(node)
            continue
        w = numpy_helper.to_array(weight)
        scale = max(float(np.abs(w).max()), 1e-12) / 127.0
        q = f"{node.name or node.output[0]}_int8"
        graph.initializer.extend([
            numpy_helper.from_array(np.clip(np.round(w / scale), -127, 127).astype(np.int8), q + "_weight"),
            numpy_helper.from_array(np.array(0, dtype=np.int8), q + "_weight_zero"),
            numpy_helper.from_array(np.array(scale, dtype=np.float32), q + "_weight_scale")])
        nodes += [
            helper.make_node("DynamicQuantizeLinear", [node.input[0]], [q + "_a", q + "_a_scale", q + "_a_zero"], name=q + "_quantize"),
            helper.make_node("MatMulInteger", [q + "_a", q + "_weight", q + "_a_zero", q + "_weight_zero"], [q + "_product"], name=q + "_matmul"),
            helper.make_node("Cast", [q + "_product"], [q + "_float"], name=q + "_cast", to=TensorProto.FLOAT),
            helper.make_node("Mul", [q + "_a_scale", q + "_weight_scale"], [q + "_scale"], name=q + "_scales"),
            helper.make_node("Mul", [q + "_float", q + "_scale"], list(node.output), name=q + "_rescale")]
        users[weight.name] -= 1
        if users[weight.name] == 0:
            graph.initializer.remove(weight)
        count += 1
    del graph.node[:]
    graph.node.extend(nodes)
    print(f"int8: {count} weight matrices quantized", file=sys.stderr)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    if len(args) != 2 or flags - {"--int8", "--full"}:
        sys.exit("usage: gather_masked.py IN.onnx OUT.onnx [--int8] [--full]")
    model = onnx.load(args[0])
    if "--full" not in flags:
        gather_masked(model, args[0])
    if "--int8" in flags:
        quantize_int8(model)
    onnx.checker.check_model(model)
    onnx.save(model, args[1] + ".tmp")
    os.replace(args[1] + ".tmp", args[1])


if __name__ == "__main__":
    main()
