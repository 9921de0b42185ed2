% UMFPACK peer (through GNU Octave's sparse LU): stationary vector and S_N(0) of a qpspin generator file,
% called by scipy_peer.py --peers ... umfpack.  Same formulation as the SciPy peer (scipy_peer.py's docstring):
%   A = L with row k replaced by e_k', p = A \ e_k normalized, x' = A \ b' with b = -(N - <N>) p, b'_k = 0,
%   x = x' - (sum x') p, S_N(0) = 2 N' x.
% Timed: [L, U, P, Q, R] = lu(A) (UMFPACK with its default ordering and scaling) + the two solves + O(n) vector
% work, best of `repeat` runs; reading the file and building A are not timed.
% Usage (octave-cli): umfpack_peer(csc_file, levels_file, k, repeat, out_file)
%   levels_file: float64 little-endian N of each state; k: 0-based pinned state; out_file: p (float64) then a
%   text line "meanN sN0 best_wall best_cpu fill" in out_file.txt.
function umfpack_peer(csc_file, levels_file, k, repeat, out_file)
  f = fopen(csc_file, 'r', 'ieee-le');
  magic = fread(f, 8, 'char=>char')';
  if ~strcmp(magic, 'QPCSC001')
    error('%s is not a qpspin binary CSC file', csc_file);
  end
  dims = fread(f, 3, 'int64');
  n = dims(1); nz = dims(3);
  colptr = fread(f, n + 1, 'int32');
  rowidx = fread(f, nz, 'int32');
  off = 32 + 4 * (n + 1) + 4 * nz;
  if mod(off, 8) ~= 0
    fread(f, mod(off, 8), 'uint8');
  end
  vals = fread(f, nz, 'float64');
  fclose(f);
  cols = repelem((1:n)', diff(colptr));
  rows = rowidx + 1;
  kk = k + 1;
  keep = rows ~= kk;
  A = sparse([rows(keep); kk], [cols(keep); kk], [vals(keep); 1.0], n, n);
  g = fopen(levels_file, 'r', 'ieee-le');
  levels = fread(g, n, 'float64');
  fclose(g);
  best = inf; best_cpu = inf;
  for r = 1:repeat
    c0 = cputime; t0 = tic;
    [L, U, P, Q, R] = lu(A);
    e = zeros(n, 1); e(kk) = 1.0;
    p = Q * (U \ (L \ (P * (R \ e))));
    p = p / sum(p);
    meanN = levels' * p;
    b = -(levels - meanN) .* p;
    b(kk) = 0.0;
    x = Q * (U \ (L \ (P * (R \ b))));
    x = x - sum(x) * p;
    noise = 2.0 * (levels' * x);
    wall = toc(t0); cpu = cputime - c0;
    if wall < best
      best = wall;
    end
    best_cpu = min(best_cpu, cpu);
  end
  fill = nnz(L) + nnz(U);
  h = fopen(out_file, 'w', 'ieee-le');
  fwrite(h, p, 'float64');
  fclose(h);
  h = fopen([out_file '.txt'], 'w');
  fprintf(h, '%.17g %.17g %.17g %.17g %d\n', meanN, noise, best, best_cpu, fill);
  fclose(h);
end
