# ls mkdir rmdir rm cp mv touch stat find tree du
mkdir d; mkdir -p d/a/b d/c; mkdir d; echo "status $?"
mkdir x/y; echo "status $?"
mkdir; echo "status $?"
echo hello > d/f.txt; echo "1536 chars" > d/.hidden
touch d/a/empty d/a/b/deep.txt
ls d
ls -a d
ls -1 d/a
ls d/f.txt d/a
ls -l d/f.txt | grep -c '^-rw-r--r-- pebble pebble 6 [0-9-]* [0-9:]* d/f.txt$'
ls -l d | grep -c '^drwxr-xr-x pebble pebble 2 [0-9-]* [0-9:]* a/$'
ls nosuch; echo "status $?"
ls -z; echo "status $?"
cp d/f.txt d/g.txt; cat d/g.txt
cp d/f.txt d/c; ls d/c
cp d/f.txt d/g.txt d/c/; ls d/c
cp d/a d/a2; echo "status $?"
cp -r d/a d/a2; find d/a2
cp -r d/a d/c; find d/c
cp -v d/f.txt d/h.txt
cp d/nosuch d/x; echo "status $?"
cp d/f.txt d/f.txt; echo "status $?"
cp d/f.txt; echo "status $?"
cp -r d d/inside; echo "status $?"
mv d/h.txt d/i.txt; ls d
mv -v d/i.txt d/c
mv d/g.txt d/a2 d/nosuch d/c; echo "status $?"
ls d/c
mv d/c/a2 d/a3; ls d
rmdir d/a3; echo "status $?"
rmdir d/a3/b; rmdir d/a3/b; echo "status $?"
rm d/c/f.txt d/c/nosuch d/c/i.txt; echo "status $?"
rm d/c; echo "status $?"
rm -f d/nosuch; echo "status $?"
rm -rv d/c
rm -r d/a3 d/c; echo "status $?"
ls d
touch d/new.txt; cat d/new.txt | wc -c
touch -c d/never.txt; ls d
touch /system/nope; echo "status $?"
stat d/f.txt | head -4
stat d/f.txt | grep -c '^Modify: [0-9]*-[0-9]*-[0-9]* [0-9]*:[0-9]*:[0-9]*$'
stat d | grep Type
stat nosuch; echo "status $?"
find d
find d -type f
find d -type d
find d -name '*.txt'
find d -name 'f*' -type f
find d -maxdepth 1
find nosuch; echo "status $?"
find d -bad; echo "status $?"
tree d
tree -a d
tree nosuch; echo "status $?"
du d
du -s d
du -a d
echo 1234567890 > big.txt; cat big.txt big.txt big.txt big.txt big.txt big.txt big.txt big.txt big.txt big.txt > big2.txt
cat big2.txt big2.txt big2.txt big2.txt big2.txt big2.txt big2.txt big2.txt big2.txt big2.txt big2.txt big2.txt big2.txt big2.txt big2.txt > big3.txt
du -h big3.txt
ls -lh big3.txt | grep -c ' 1.7K '
du nosuch; echo "status $?"
