"""Strings of the page "your own weights" (issue 4, page 5) and of the uploaded-weights notices."""

from rnnviz.i18n import Text
from rnnviz.lessons.spec import Page

PAGE = Page("your_weights", icon=":material/upload_file:", section="tools")

STRINGS = {
    "your_weights.nav": Text("나의 가중치", "Your own weights"),
    "your_weights.title": Text("내가 학습한 가중치로 보기", "See your own trained weights"),
    "your_weights.intro": Text(
        "PyTorch로 학습한 순환층 하나(`nn.RNN`, `nn.LSTM`, `nn.GRU`, 층 1개, 단방향)의 가중치를 `.npz`로 올리면 "
        "스케일 스윕, 셀 내부, 셀 비교, 펼친 그래프 페이지가 생성한 가중치 대신 그 가중치를 씁니다. 셀 종류는 행렬 모양에서 "
        "알아냅니다 (G·H 행: RNN 1, LSTM 4, GRU 3). 파일은 이 서버의 메모리에만 잠시 보관됩니다.",
        "Upload the weights of one PyTorch recurrent layer (`nn.RNN`, `nn.LSTM` or `nn.GRU`, one layer, "
        "unidirectional) as an `.npz`, and the scale-sweep, inside-the-cells, cell-comparison and unrolled-graph pages use them "
        "instead of generated weights. The cell type is read off the shapes (G·H rows: RNN 1, LSTM 4, GRU 3). "
        "The file is kept only briefly, in this server's memory.",
    ),
    "your_weights.export_heading": Text("PyTorch에서 내보내기", "Exporting from PyTorch"),
    "your_weights.export_code": Text(
        "# layer = torch.nn.LSTM(input_size, hidden_size)  # 학습한 층\n"
        "import numpy as np\n"
        "np.savez(\"my_layer.npz\", **{k: v.detach().cpu().numpy() for k, v in layer.state_dict().items()})\n"
        "# 파일 안의 이름: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0",
        "# layer = torch.nn.LSTM(input_size, hidden_size)  # your trained layer\n"
        "import numpy as np\n"
        "np.savez(\"my_layer.npz\", **{k: v.detach().cpu().numpy() for k, v in layer.state_dict().items()})\n"
        "# names inside the file: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0",
    ),
    "your_weights.export_notes": Text(
        "- `num_layers=1`, `bidirectional=False`, `bias=True`인 층만 받습니다 (`_l1`, `_reverse`가 없어야 함).\n"
        "- `nn.RNN`은 tanh로 계산합니다 (`nonlinearity='relu'`는 구별할 수 없습니다).\n"
        "- GRU는 PyTorch 식이므로 GRU 형태를 **pytorch**로 두어야 torch와 같은 h_t가 나옵니다.\n"
        "- W_h 스케일 슬라이더는 올린 `weight_hh`에 곱해집니다 (1이면 그대로). H와 입력 크기는 파일에서 정해집니다.",
        "- Only layers with `num_layers=1`, `bidirectional=False`, `bias=True` (no `_l1` or `_reverse` names).\n"
        "- `nn.RNN` is computed with tanh (`nonlinearity='relu'` cannot be told from the weights).\n"
        "- GRU weights follow PyTorch's equations: keep the GRU variant at **pytorch** to get torch's h_t.\n"
        "- The W_h scale slider multiplies the uploaded `weight_hh` (1 leaves it as is); H and the input size "
        "come from the file.",
    ),
    "your_weights.uploader": Text("가중치 파일 (.npz, 최대 {mb} MB)", "Weights file (.npz, at most {mb} MB)"),
    "your_weights.uploader.button": Text("파일 올리기", "Upload"),
    "your_weights.uploader.limit": Text("파일 하나에 최대 {mb} MB • NPZ", "{mb} MB per file • NPZ"),
    "your_weights.current": Text(
        "지금 쓰는 가중치: **{cell}**, H = {H}, I = {I}, 식별자 `{token}`.",
        "Weights in use: **{cell}**, H = {H}, I = {I}, token `{token}`.",
    ),
    "your_weights.none": Text(
        "아직 올린 가중치가 없습니다. 다른 페이지는 생성한 가중치를 씁니다.",
        "No weights uploaded yet; the other pages use generated weights.",
    ),
    "your_weights.kept_previous": Text(
        "이 파일은 쓰지 않았습니다. 이전 상태를 그대로 유지합니다.",
        "This file was not used; everything stays as it was.",
    ),
    "your_weights.open_heading": Text("이 가중치로 열기", "Open with these weights"),
    "your_weights.open.cells": Text("셀 내부 들여다보기", "Inside the cells"),
    "your_weights.open.sweep": Text("스케일 스윕", "Scale sweep"),
    "your_weights.open.compare": Text("RNN vs LSTM vs GRU 비교", "RNN vs LSTM vs GRU"),
    "your_weights.open.graph": Text("펼친 계산 그래프", "The unrolled graph"),
    "your_weights.forget": Text("올린 가중치 잊기 (생성한 가중치로 돌아가기)", "Forget the uploaded weights (back to generated ones)"),
    "your_weights.error.too_large": Text(
        "파일이 너무 큽니다 ({size} 바이트, 한도 {limit} 바이트).",
        "The file is too large ({size} bytes; the limit is {limit}).",
    ),
    "your_weights.error.not_npz": Text(
        "`.npz` 파일로 읽을 수 없습니다. `numpy.savez`로 저장한 파일을 올려 주세요.",
        "This is not a readable `.npz` file. Upload a file written by `numpy.savez`.",
    ),
    "your_weights.error.names": Text(
        "이름이 맞지 않습니다. weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 네 개가 정확히 있어야 합니다 "
        "(없는 이름: {missing}; 모르는 이름: {extra}). 층 1개, 단방향, bias=True인 층만 됩니다.",
        "Wrong names: exactly weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 are expected (missing: "
        "{missing}; unexpected: {extra}). Only one-layer, unidirectional layers with bias=True.",
    ),
    "your_weights.error.pickled": Text(
        "`{name}`에 파이썬 객체가 들어 있습니다. 보안상 pickle은 읽지 않습니다. 숫자 배열로 저장해 주세요.",
        "`{name}` holds Python objects; pickles are never loaded, for safety. Save plain number arrays.",
    ),
    "your_weights.error.dtype": Text(
        "`{name}`의 자료형({dtype})은 실수가 아닙니다.",
        "`{name}` has dtype {dtype}, not real numbers.",
    ),
    "your_weights.error.not_finite": Text(
        "`{name}`에 nan 또는 inf가 있습니다.",
        "`{name}` contains nan or inf.",
    ),
    "your_weights.error.shape": Text(
        "모양이 맞지 않습니다: {shapes}. weight_hh_l0는 (G·H, H)이고 G는 1(RNN), 4(LSTM), 3(GRU), "
        "weight_ih_l0는 (G·H, I), 두 bias는 (G·H,)여야 합니다.",
        "Wrong shapes: {shapes}. weight_hh_l0 must be (G·H, H) with G = 1 (RNN), 4 (LSTM) or 3 (GRU), "
        "weight_ih_l0 (G·H, I), and both biases (G·H,).",
    ),
    "your_weights.error.too_big_layer": Text(
        "층이 너무 큽니다 (H = {H}, I = {I}). 이 앱은 H ≤ {max_h}, I ≤ {max_i}까지 다룹니다.",
        "The layer is too big (H = {H}, I = {I}); the app handles H ≤ {max_h} and I ≤ {max_i}.",
    ),
    "your_weights.notice.unknown_token": Text(
        "링크에 적힌 가중치(`{token}`)가 이 서버에 없습니다 (서버가 다시 시작되었거나 오래되었습니다). "
        "생성한 가중치를 씁니다. '나의 가중치' 페이지에서 다시 올려 주세요.",
        "The weights `{token}` named in the link are not on this server (it restarted, or they expired); "
        "using generated weights. Upload them again on the 'Your own weights' page.",
    ),
    "your_weights.notice.other_cell": Text(
        "올린 가중치는 {uploaded} 셀의 것입니다. 셀 종류에서 {uploaded} 셀을 고르면 그 가중치를 씁니다. 지금은 생성한 가중치입니다.",
        "The uploaded weights are for the {uploaded}; choose that cell to use them. Generated weights for now.",
    ),
    "your_weights.notice.using": Text(
        "올린 {cell} 가중치를 씁니다 (H = {H}, I = {I}; H 슬라이더는 무시, W_h 스케일은 곱해짐).",
        "Using your uploaded {cell} weights (H = {H}, I = {I}; the H slider is ignored, the W_h scale multiplies "
        "them).",
    ),
    "your_weights.look": Text(
        "직접 학습한 층을 .npz로 올리면 스케일 스윕, 셀 내부, 셀 비교, 펼친 그래프 페이지가 그 가중치로 기울기를 보여 줍니다.",
        "Upload your own trained layer as an .npz: the scale-sweep, inside-the-cells, cell-comparison and unrolled-graph pages then show the gradient through your weights.",
    ),
}
