# dd against GNU coreutils 9.1 (tools/gnu-expected); status=noxfer: the byte and time line varies
printf 'hello world' > hw
dd if=hw of=o1 bs=4 status=noxfer; cat o1; echo
dd if=hw bs=4 count=2 status=noxfer; echo
dd if=hw bs=1 skip=6 status=none; echo
dd if=hw ibs=3 obs=5 status=noxfer | od -c
dd if=hw conv=ucase status=none; echo
printf 'MiXeD' | dd conv=lcase status=none; echo
printf 'abcdef' | dd conv=swab status=none; echo
dd if=hw bs=4 conv=sync status=noxfer | od -c
printf '0123456789' > ten
dd if=hw of=ten bs=1 seek=3 count=2 conv=notrunc status=none; cat ten; echo
printf '0123456789' > ten
dd if=hw of=ten bs=1 seek=3 count=2 status=none; cat ten; echo
dd if=hw of=new bs=2 seek=2 status=none; od -c new
dd if=hw bs=2x2 count=1 status=none; echo
dd if=hw iflag=count_bytes,skip_bytes skip=2 count=3 status=none; echo
seq 1 1000 | dd bs=1K count=3 iflag=fullblock status=noxfer | wc -c
dd if=hw of=ten oflag=append conv=notrunc status=none; cat ten; echo
dd if=nosuch status=none; echo "status $?"
dd foo=bar; echo "status $?"
dd bs=x; echo "status $?"
dd conv=nonsense; echo "status $?"
dd if=hw of=hw2 conv=excl status=none; dd if=hw of=hw2 conv=excl status=none; echo "status $?"
dd if=hw of=nope conv=nocreat status=none; echo "status $?"
printf ab | dd seek=2 bs=1 status=none > sk.txt; od -c sk.txt
printf ab | dd seek=2 bs=1 status=none | od -c
