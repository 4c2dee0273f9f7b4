# the libraries of /system/lib: each program runs under run and exec, which
# must print the same; the *_original programs print what the original
# PebbleOS prints for them (checked by running it), the others what NumPy,
# CPython and C print (or what a hand-drawn chart shows)
run numpy_original.peb > run.txt; exec numpy_original.peb > exec.txt; cmp run.txt exec.txt && cat run.txt
run torch_original.peb > run.txt; exec torch_original.peb > exec.txt; cmp run.txt exec.txt && cat run.txt
run matplotlib_original.peb > run.txt; exec matplotlib_original.peb > exec.txt; cmp run.txt exec.txt && cat run.txt
run base_path_cli.peb > run.txt; exec base_path_cli.peb > exec.txt; cmp run.txt exec.txt && cat run.txt
run numpy_more.peb > run.txt; exec numpy_more.peb > exec.txt; cmp run.txt exec.txt && cat run.txt
run torch_more.peb > run.txt; exec torch_more.peb > exec.txt; cmp run.txt exec.txt && cat run.txt
run matplotlib_more.peb > run.txt; exec matplotlib_more.peb > exec.txt; cmp run.txt exec.txt && cat run.txt
run libc_floatmath.peb > run.txt; exec libc_floatmath.peb > exec.txt; cmp run.txt exec.txt && cat run.txt
run imports.peb > run.txt; exec imports.peb > exec.txt; cmp run.txt exec.txt && cat run.txt
run bad_shape.peb; echo "status $?"
exec bad_shape.peb; echo "status $?"
