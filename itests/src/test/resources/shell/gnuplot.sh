# gnuplot: the original's forms (numbers from a file, the arguments or standard
# input) and gnuplot scripts, drawn on matplotlib's text canvas
gnuplot --width 20 --height 8 1 2 3
echo "5 3 4 1" | gnuplot --width 30 --height 9
gnuplot --height 14 wave.txt
gnuplot charts.gp; echo "status $?"
cat saved.txt
gnuplot -e "set terminal dumb 40 10; plot [-1:1] x**3 with impulses notitle"
gnuplot -e "plot 1/0"; echo "status $?"
gnuplot -e "plot y"; echo "status $?"
gnuplot -e "frobnicate"; echo "status $?"
gnuplot -e "set grid; print 2**10"; echo "status $?"
gnuplot missing.txt; echo "status $?"
gnuplot --width; echo "status $?"
run /system/bin/gnuplot.peb charts.gp > run.txt
exec /system/bin/gnuplot.peb charts.gp > vm.txt
cmp run.txt vm.txt && echo "run and exec agree"
