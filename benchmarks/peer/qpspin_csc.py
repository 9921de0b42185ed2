"""Shared by the peer scripts: reads qpspin's binary CSC generator files (format: org.qpspin.generator.MatrixFiles)
and builds the pinned-row matrix every peer factorizes."""
import numpy as np
import scipy.sparse as sp


def read_csc(path):
    with open(path, "rb") as f:
        buf = f.read()
    if buf[:8] != b"QPCSC001":
        raise ValueError(path + " is not a qpspin binary CSC file")
    rows, cols, nnz = np.frombuffer(buf, "<i8", 3, 8)
    off = 32
    colptr = np.frombuffer(buf, "<i4", cols + 1, off)
    off += 4 * (cols + 1)
    rowidx = np.frombuffer(buf, "<i4", nnz, off)
    off += 4 * nnz
    off += off % 8
    values = np.frombuffer(buf, "<f8", nnz, off)
    return sp.csc_matrix((values, rowidx, colptr), shape=(int(rows), int(cols)))


def pinned(l, k):
    """L with row k replaced by e_k^T, in CSC (no dense row)."""
    coo = l.tocoo()
    keep = coo.row != k
    rows = np.append(coo.row[keep], k)
    cols = np.append(coo.col[keep], k)
    vals = np.append(coo.data[keep], 1.0)
    return sp.csc_matrix((vals, (rows, cols)), shape=l.shape)
