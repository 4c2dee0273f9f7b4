# tty, clear, bash, seq and printf without a terminal
tty
clear | wc -c
tty extra
echo "status $?"
bash -c 'echo from bash; exit 4'
echo "status $?"
seq 3
seq -s , 10 -3 1
seq -w 8 10
seq 1 0 3
echo "status $?"
printf "%s-%d|%5s|%-5s|%05d|%.2f|%x|%o|%c|%%\n" ab 42 r l -7 3.14159 255 8 xyz
printf "%s=%s\n" a 1 b
printf "%d\n" zz
echo "status $?"
