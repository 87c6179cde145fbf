#!/usr/bin/python3
"""Converts MediaPipe's BlazeFace full-range face detector from TFLite to an equivalent ONNX graph.

    scripts/blazeface-to-onnx.py face_detection_full_range.tflite blazeface_full_range.onnx

The TFLite graph is NHWC with float16 weights behind DEQUANTIZE operators; the ONNX graph is NCHW (input
`input`, 1x3x192x192, RGB in [-1, 1]) with the same weights widened to float32, and ends in the same two outputs
(`reshaped_regressor_face_4`, 1x2304x16; `reshaped_classifier_face_4`, 1x2304x1). Only the operators this model
uses are translated; any other stops the conversion. Needs Debian's python3-onnx, python3-flatbuffers and
python3-numpy (scripts/fetch-face-model installs them). The output is deterministic: the same input gives the
same bytes.
"""
import sys

import flatbuffers
import numpy as np
import onnx
from flatbuffers import number_types as kind
from flatbuffers.table import Table
from onnx import TensorProto, helper, numpy_helper

# TFLite's BuiltinOperator and TensorType codes (tensorflow/lite/schema/schema.fbs).
ADD, CONV_2D, DEPTHWISE_CONV_2D, DEQUANTIZE, MAX_POOL_2D, RELU, RESHAPE, RESIZE_BILINEAR, PAD = 0, 3, 4, 6, 17, 19, 22, 23, 34
NUMPY_TYPES = {0: np.float32, 1: np.float16, 2: np.int32, 4: np.int64}
PADDING_SAME = 0
ACTIVATION_NONE, ACTIVATION_RELU = 0, 1


def _field(table, index):
    return table.Offset(4 + 2 * index)


def _scalar(table, index, flags, default=0):
    offset = _field(table, index)
    return table.Get(flags, offset + table.Pos) if offset else default


def _tables(table, index):
    offset = _field(table, index)
    if not offset:
        return []
    start = table.Vector(offset)
    return [Table(table.Bytes, table.Indirect(start + 4 * i)) for i in range(table.VectorLen(offset))]


def _array(table, index, dtype):
    offset = _field(table, index)
    if not offset:
        return np.array([], dtype=dtype)
    return np.frombuffer(table.Bytes, dtype=dtype, count=table.VectorLen(offset), offset=table.Vector(offset))


def _string(table, index):
    offset = _field(table, index)
    return table.String(offset + table.Pos).decode() if offset else None


class TfliteModel:
    """The first subgraph of a .tflite file: tensors, operators and constant buffers."""

    def __init__(self, path):
        data = bytearray(open(path, "rb").read())
        model = Table(data, flatbuffers.encode.Get(flatbuffers.packer.uoffset, data, 0))
        # OperatorCode: deprecated_builtin_code (0) for old files, builtin_code (3) for new ones.
        codes = [max(_scalar(c, 0, kind.Int8Flags), _scalar(c, 3, kind.Int32Flags)) for c in _tables(model, 1)]
        self.buffers = [_array(b, 0, np.uint8) for b in _tables(model, 4)]
        graph = _tables(model, 2)[0]
        self.tensors = [
            {"shape": [int(v) for v in _array(t, 0, np.int32)], "type": _scalar(t, 1, kind.Int8Flags),
             "buffer": _scalar(t, 2, kind.Uint32Flags), "name": _string(t, 3)}
            for t in _tables(graph, 0)]
        self.inputs = [int(i) for i in _array(graph, 1, np.int32)]
        self.outputs = [int(i) for i in _array(graph, 2, np.int32)]
        self.operators = [
            {"code": codes[_scalar(op, 0, kind.Uint32Flags)], "inputs": [int(i) for i in _array(op, 1, np.int32)],
             "outputs": [int(i) for i in _array(op, 2, np.int32)], "options": self._options(op)}
            for op in _tables(graph, 3)]

    @staticmethod
    def _options(operator):
        offset = _field(operator, 4)
        return Table(operator.Bytes, operator.Indirect(offset + operator.Pos)) if offset else None

    def constant(self, index):
        tensor = self.tensors[index]
        raw = self.buffers[tensor["buffer"]]
        return np.frombuffer(bytes(raw), dtype=NUMPY_TYPES[tensor["type"]]).reshape(tensor["shape"])


def same_padding(height, width, kernel_h, kernel_w, stride_h, stride_w):
    """TensorFlow's SAME padding as ONNX pads (top, left, bottom, right): the odd pixel goes after."""
    def one(size, kernel, stride):
        total = max((-(-size // stride) - 1) * stride + kernel - size, 0)
        return total // 2, total - total // 2
    (top, bottom), (left, right) = one(height, kernel_h, stride_h), one(width, kernel_w, stride_w)
    return [top, left, bottom, right]


class Converter:
    def __init__(self, model):
        self.model = model
        self.nodes, self.initializers = [], []
        self.constants = {}
        self.names = {i: model.tensors[i]["name"] for i in model.inputs}
        self.count = 0

    def fresh(self, prefix):
        self.count += 1
        return f"{prefix}_{self.count}"

    def initializer(self, array, prefix):
        name = self.fresh(prefix)
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def node(self, op_type, inputs, prefix, **attributes):
        output = self.fresh(prefix)
        self.nodes.append(helper.make_node(op_type, inputs, [output], **attributes))
        return output

    def activation(self, value, function):
        if function == ACTIVATION_NONE:
            return value
        if function != ACTIVATION_RELU:
            raise ValueError(f"fused activation {function} is not supported")
        return self.node("Relu", [value], "relu")

    def convert(self):
        for operator in self.model.operators:
            code, inputs, output = operator["code"], operator["inputs"], operator["outputs"][0]
            if code == DEQUANTIZE:
                self.constants[output] = self.model.constant(inputs[0]).astype(np.float32)
                continue
            self.names[output] = self.translate(code, inputs, output, operator["options"])
        tensors = self.model.tensors
        _, height, width, channels = tensors[self.model.inputs[0]]["shape"]
        graph = helper.make_graph(
            self.nodes, "blazeface_full_range",
            [helper.make_tensor_value_info(self.names[self.model.inputs[0]], TensorProto.FLOAT, [1, channels, height, width])],
            [helper.make_tensor_value_info(self.names[o], TensorProto.FLOAT, tensors[o]["shape"]) for o in self.model.outputs],
            self.initializers)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="tagmystock blazeface-to-onnx")
        model.ir_version = 7
        onnx.checker.check_model(model)
        return model

    def weight(self, index):
        return self.constants[index] if index in self.constants else self.model.constant(index).astype(np.float32)

    def translate(self, code, inputs, output, options):
        value = self.names[inputs[0]]
        shape = self.model.tensors[inputs[0]]["shape"]
        if code in (CONV_2D, DEPTHWISE_CONV_2D):
            depthwise = code == DEPTHWISE_CONV_2D
            # Conv2DOptions: padding, stride_w, stride_h, activation, dilation_w, dilation_h;
            # DepthwiseConv2DOptions has depth_multiplier before the activation.
            padding = _scalar(options, 0, kind.Int8Flags)
            stride_w, stride_h = _scalar(options, 1, kind.Int32Flags), _scalar(options, 2, kind.Int32Flags)
            activation = _scalar(options, 4 if depthwise else 3, kind.Int8Flags)
            dilation = (_scalar(options, 5 if depthwise else 4, kind.Int32Flags, 1), _scalar(options, 6 if depthwise else 5, kind.Int32Flags, 1))
            if dilation != (1, 1):
                raise ValueError("dilated convolutions are not supported")
            weights = self.weight(inputs[1])
            kernel = weights.transpose(3, 0, 1, 2) if depthwise else weights.transpose(0, 3, 1, 2)
            kernel_h, kernel_w = kernel.shape[2], kernel.shape[3]
            pads = same_padding(shape[1], shape[2], kernel_h, kernel_w, stride_h, stride_w) if padding == PADDING_SAME else [0, 0, 0, 0]
            convolved = self.node(
                "Conv", [value, self.initializer(kernel, "weights"), self.initializer(self.weight(inputs[2]), "bias")], "conv",
                strides=[stride_h, stride_w], pads=pads, group=kernel.shape[0] if depthwise else 1, kernel_shape=[kernel_h, kernel_w])
            return self.activation(convolved, activation)
        if code == RELU:
            return self.node("Relu", [value], "relu")
        if code == ADD:
            return self.activation(self.node("Add", [value, self.names[inputs[1]]], "add"), _scalar(options, 0, kind.Int8Flags))
        if code == MAX_POOL_2D:
            # Pool2DOptions: padding, stride_w, stride_h, filter_width, filter_height, activation.
            stride_w, stride_h = _scalar(options, 1, kind.Int32Flags), _scalar(options, 2, kind.Int32Flags)
            filter_w, filter_h = _scalar(options, 3, kind.Int32Flags), _scalar(options, 4, kind.Int32Flags)
            if _scalar(options, 0, kind.Int8Flags) == PADDING_SAME and same_padding(shape[1], shape[2], filter_h, filter_w, stride_h, stride_w) != [0, 0, 0, 0]:
                raise ValueError("padded max pooling is not supported")
            return self.node("MaxPool", [value], "pool", kernel_shape=[filter_h, filter_w], strides=[stride_h, stride_w])
        if code == PAD:
            rows = self.model.constant(inputs[1]).astype(np.int64)[[0, 3, 1, 2]]  # NHWC (before, after) rows, in NCHW order
            return self.node("Pad", [value, self.initializer(np.concatenate([rows[:, 0], rows[:, 1]]), "pads")], "pad", mode="constant")
        if code == RESIZE_BILINEAR:
            # ResizeBilinearOptions: align_corners (2), half_pixel_centers (3).
            align, half = _scalar(options, 2, kind.BoolFlags, False), _scalar(options, 3, kind.BoolFlags, False)
            _, height, width, channels = self.model.tensors[output]["shape"]
            return self.node(
                "Resize", [value, "", "", self.initializer(np.array([1, channels, height, width], dtype=np.int64), "size")], "resize",
                mode="linear", coordinate_transformation_mode="align_corners" if align else ("half_pixel" if half else "asymmetric"))
        if code == RESHAPE:
            # The heads reshape NHWC maps into rows of anchors: back to NHWC first.
            nhwc = self.node("Transpose", [value], "nhwc", perm=[0, 2, 3, 1])
            name = self.model.tensors[output]["name"]
            self.nodes.append(helper.make_node("Reshape", [nhwc, self.initializer(np.array(self.model.tensors[output]["shape"], dtype=np.int64), "shape")], [name]))
            return name
        raise ValueError(f"TFLite operator {code} is not supported")


def main(source, target):
    model = Converter(TfliteModel(source)).convert()
    onnx.save(model, target)
    print(f"{target}: {len(model.graph.node)} nodes, outputs {[o.name for o in model.graph.output]}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
