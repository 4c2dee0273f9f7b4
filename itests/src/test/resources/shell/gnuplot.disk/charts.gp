# a script: functions, a data file with two columns, labels and a legend
set terminal dumb 60 16
set title "weather"
set xlabel "month"
set key on
plot 'weather.dat' using 1:2 with lines title "rain", 'weather.dat' using 1:3 with points title "sun"
f(x) = a * x**2 + 1
a = 0.5
set title "a parabola"
set xlabel ""
set xrange [-2:2]
set samples 9
plot f(x), 2 with lines notitle
print "f(2) =", f(2), "7/2 =", 7/2, "7/2.0 =", 7/2.0
set output "saved.txt"
plot [0:6] sin(x) title "sin"
