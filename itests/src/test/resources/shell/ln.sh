# ln: no storage mode of this edition keeps links; each refusal names the mode and changes nothing
echo a > a.txt
ln -s a.txt b.txt; echo "status $?"
ln a.txt c.txt; echo "status $?"
ln -s a.txt a.txt; echo "status $?"
ln nosuch d.txt; echo "status $?"
mkdir d; ln d e; echo "status $?"
echo keep > e.txt; ln -sf a.txt e.txt; echo "status $?"; cat e.txt
ln -s a.txt d; echo "status $?"
ln -s /system/bin/ls.peb /system/x; echo "status $?"
ln; echo "status $?"
ln -q a.txt; echo "status $?"
ls
