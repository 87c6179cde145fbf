#!/usr/bin/python3
"""Rewrites PP-OCRv4's text detector into the same function in fewer operations, for ONNX Runtime on CPUs.

    scripts/fuse-text-detector.py ch_PP-OCRv4_det_infer.onnx OUT.onnx

Paddle2ONNX leaves two patterns ONNX Runtime does not fuse, each a pass over the feature map per operator:
  - a convolution followed by a per-channel Mul and Add (a folded batch normalisation): folded into the
    convolution's weights and bias;
  - x -> Add(3) -> Clip(0, 6) -> Mul(x) -> Div(6), MobileNetV3's hard swish: one HardSwish operator (opset 14).
Constant nodes become initializers. Needs Debian's python3-onnx and python3-numpy (scripts/fetch-ocr-models runs
it). Deterministic: the same input gives the same bytes.
"""
import sys
from collections import defaultdict

import numpy as np
import onnx
from onnx import helper, numpy_helper


def scalar(constants, name):
    value = constants.get(name)
    return float(value.reshape(-1)[0]) if value is not None and value.size == 1 else None


def per_channel(value, channels):
    flat = value.reshape(-1).astype(np.float32)
    if flat.size not in (1, channels):
        return None
    return np.broadcast_to(flat, (channels,))


def main(source, target):
    model = onnx.load(source)
    graph = model.graph
    constants = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    nodes = []
    for node in graph.node:
        if node.op_type == "Constant" and len(node.output) == 1 and node.attribute[0].name == "value":
            constants[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
        else:
            nodes.append(node)
    outputs = {o.name for o in graph.output}

    def consumers():
        users = defaultdict(list)
        for node in nodes:
            for name in node.input:
                users[name].append(node)
        return users

    def only_user(users, name, op_type):
        found = users.get(name, [])
        return found[0] if len(found) == 1 and found[0].op_type == op_type and name not in outputs else None

    folded, swishes, removed, added = 0, 0, set(), {}
    users = consumers()
    for conv in nodes:
        if conv.op_type != "Conv" or conv.input[1] not in constants or (len(conv.input) == 3 and conv.input[2] not in constants):
            continue
        mul = only_user(users, conv.output[0], "Mul")
        if mul is None:
            continue
        add = only_user(users, mul.output[0], "Add")
        scale_name = next((i for i in mul.input if i != conv.output[0]), None)
        shift_name = next((i for i in add.input if i != mul.output[0]), None) if add is not None else None
        if add is None or scale_name not in constants or shift_name not in constants:
            continue
        kernel = constants[conv.input[1]]
        channels = kernel.shape[0]
        scale, shift = per_channel(constants[scale_name], channels), per_channel(constants[shift_name], channels)
        if scale is None or shift is None:
            continue
        bias = constants[conv.input[2]].astype(np.float32) if len(conv.input) == 3 else np.zeros(channels, np.float32)
        kernel_name, bias_name = conv.output[0] + "_kernel", conv.output[0] + "_bias"
        added[kernel_name] = (kernel * scale.reshape(-1, 1, 1, 1)).astype(np.float32)
        added[bias_name] = (bias * scale + shift).astype(np.float32)
        del conv.input[1:]
        conv.input.extend([kernel_name, bias_name])
        conv.output[0] = add.output[0]
        removed.update({id(mul), id(add)})
        folded += 1
    nodes = [n for n in nodes if id(n) not in removed]
    constants.update(added)

    users, removed = consumers(), set()
    for index, add in enumerate(nodes):
        if add.op_type != "Add" or len(add.input) != 2:
            continue
        three = next((i for i in add.input if scalar(constants, i) == 3.0), None)
        x = next((i for i in add.input if i != three), None)
        if three is None or x in constants:
            continue
        clip = only_user(users, add.output[0], "Clip")
        if clip is None or len(clip.input) != 3 or scalar(constants, clip.input[1]) != 0.0 or scalar(constants, clip.input[2]) != 6.0:
            continue
        mul = only_user(users, clip.output[0], "Mul")
        if mul is None or x not in mul.input:
            continue
        div = only_user(users, mul.output[0], "Div")
        if div is None or scalar(constants, div.input[1]) != 6.0:
            continue
        nodes[index] = helper.make_node("HardSwish", [x], [div.output[0]], name=div.output[0] + "_hard_swish")
        removed.update({id(clip), id(mul), id(div)})
        swishes += 1
    nodes = [n for n in nodes if id(n) not in removed]

    used = {name for node in nodes for name in node.input}
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(numpy_helper.from_array(constants[name], name) for name in sorted(constants) if name in used)
    for opset in model.opset_import:
        if opset.domain in ("", "ai.onnx"):
            opset.version = max(opset.version, 14)  # HardSwish
    onnx.checker.check_model(model)
    onnx.save(model, target)
    print(f"{target}: {folded} convolutions absorbed their scale and shift, {swishes} hard swishes fused, {len(nodes)} nodes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
