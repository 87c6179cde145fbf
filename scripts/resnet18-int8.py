#!/usr/bin/python3
"""Quantises the ResNet18 featurizer to 8-bit integers (static QDQ), as ONNX Runtime runs fastest on x86 CPUs.

    scripts/resnet18-int8.py prepare ResNet18.onnx WORK
        writes WORK/folded.onnx (batch normalisation folded into the convolutions: the same function),
        WORK/calibration.onnx (the same network, every tensor to be quantised also an output) and
        WORK/tensors.txt (their names, the network input first)
    scripts/resnet18-int8.py quantize WORK RANGES OUT.onnx
        RANGES: one line per tensor, "name min max", measured over the reference images
        (tagmystock-bench activation-ranges); writes the quantised network to OUT.onnx

Activations become uint8 over their measured range (asymmetric); weights int8 per output channel over 7 bits
(-63..63), so that AVX2's unsigned-by-signed byte multiply (which sums pairs into 16 bits) cannot saturate;
biases int32 at the input scale times the weight scale. ONNX Runtime fuses each DequantizeLinear, Conv,
QuantizeLinear group into one integer convolution. scripts/quantize-embedding-model runs both steps. Needs Debian's
python3-onnx and python3-numpy. Deterministic: the same inputs give the same bytes.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

INPUT = "Input247"  # the network's input: ResNetPreprocess.onnx's output
WEIGHT_BITS = 7


def prepare(source, work):
    model = onnx.load(source)
    graph = model.graph
    weights = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    producers = {o: n for n in graph.node for o in n.output}
    nodes, folded = [], {}
    for node in graph.node:
        if node.op_type != "BatchNormalization":
            nodes.append(node)
            continue
        conv = producers[node.input[0]]
        if conv.op_type != "Conv":
            raise ValueError(f"{node.name}: batch normalisation after {conv.op_type}, not a convolution")
        scale, shift, mean, variance = (weights[node.input[i]] for i in range(1, 5))
        epsilon = next(a.f for a in node.attribute if a.name == "epsilon")
        kernel = weights[conv.input[1]]
        bias = weights[conv.input[2]] if len(conv.input) > 2 else np.zeros(kernel.shape[0], np.float32)
        factor = scale / np.sqrt(variance + epsilon)
        kernel_name, bias_name = conv.input[1] + "_folded", conv.input[1] + "_bias"
        folded[kernel_name] = (kernel * factor.reshape(-1, 1, 1, 1)).astype(np.float32)
        folded[bias_name] = ((bias - mean) * factor + shift).astype(np.float32)
        del conv.input[1:]
        conv.input.extend([kernel_name, bias_name])
        conv.output[0] = node.output[0]
    everything = {**weights, **folded}
    used = {i for n in nodes for i in n.input}
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(numpy_helper.from_array(everything[k], k) for k in sorted(everything) if k in used)
    inputs = [i for i in graph.input if i.name not in everything]
    del graph.input[:]
    graph.input.extend(inputs)
    for opset in model.opset_import:
        opset.version = 13  # per-channel DequantizeLinear
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(work, "folded.onnx"))

    tensors = [INPUT] + quantised_outputs(graph)
    for name in tensors[1:]:
        if name not in {o.name for o in graph.output}:
            graph.output.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, None))
    onnx.save(model, os.path.join(work, "calibration.onnx"))
    with open(os.path.join(work, "tensors.txt"), "w") as listing:
        listing.write("\n".join(tensors) + "\n")


def quantised_outputs(graph):
    """Every ReLU and pooling output, and every convolution output not followed by a ReLU (those feed additions)."""
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node.op_type)
    return [
        node.output[0] for node in graph.node
        if node.op_type in ("Relu", "MaxPool") or (node.op_type == "Conv" and "Relu" not in consumers.get(node.output[0], []))]


def quantize(work, ranges_path, target):
    model = onnx.load(os.path.join(work, "folded.onnx"))
    graph = model.graph
    weights = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    activation = {}
    for line in open(ranges_path):
        name, low, high = line.split()
        low, high = min(0.0, float(low)), max(0.0, float(high))
        scale = (high - low) / 255.0
        activation[name] = (np.float32(scale), np.uint8(min(255, max(0, round(-low / scale)))))
    initializers, nodes, dequantized = [], [], {}

    def constant(name, array):
        initializers.append(numpy_helper.from_array(array, name))
        return name

    def quantize_dequantize(name):
        scale, zero = activation[name]
        scale_name, zero_name = constant(name + "_scale", np.array(scale, np.float32)), constant(name + "_zero", np.array(zero, np.uint8))
        nodes.append(helper.make_node("QuantizeLinear", [name, scale_name, zero_name], [name + "_q"]))
        nodes.append(helper.make_node("DequantizeLinear", [name + "_q", scale_name, zero_name], [name + "_dq"]))
        dequantized[name] = name + "_dq"

    quantize_dequantize(INPUT)
    input_of = {}
    for node in graph.node:
        originals = list(node.input)
        node.input[:] = [dequantized.get(i, i) for i in node.input]
        if node.op_type == "Conv":
            input_scale = activation[originals[0]][0]
            kernel, bias = weights[originals[1]], weights[originals[2]]
            limit = 2 ** (WEIGHT_BITS - 1) - 1
            kernel_scale = (np.maximum(np.abs(kernel).reshape(kernel.shape[0], -1).max(axis=1), 1e-8) / limit).astype(np.float32)
            kernel_q = np.clip(np.round(kernel / kernel_scale.reshape(-1, 1, 1, 1)), -limit, limit).astype(np.int8)
            bias_scale = (input_scale * kernel_scale).astype(np.float32)
            bias_q = np.round(bias / bias_scale).astype(np.int32)
            for index, (values, scales, zeros) in ((1, (kernel_q, kernel_scale, np.zeros(kernel.shape[0], np.int8))), (2, (bias_q, bias_scale, np.zeros(kernel.shape[0], np.int32)))):
                name = originals[index]
                nodes.append(helper.make_node(
                    "DequantizeLinear", [constant(name + "_q", values), constant(name + "_scale", scales), constant(name + "_zero", zeros)], [name + "_dq"], axis=0))
                node.input[index] = name + "_dq"
        nodes.append(node)
        if node.output[0] in activation and node.output[0] != INPUT:
            quantize_dequantize(node.output[0])
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(initializers)
    onnx.checker.check_model(model)
    onnx.save(model, target)
    print(f"{target}: {len(nodes)} nodes, {sum(1 for n in nodes if n.op_type == 'Conv')} integer convolutions")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "quantize":
        quantize(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
