# basenc against GNU coreutils 9.1 (tools/gnu-expected)
for e in base64 base64url base32 base32hex base16 base2msbf base2lsbf z85; do
    printf 'hello!!?' | basenc --$e; echo "$e $?"
    basenc --$e bin.dat | basenc --$e -d | cmp - bin.dat && echo "$e round trip"
done
printf 'abc' | basenc --z85; echo "status $?"
printf '68656c6c6f' | basenc --base16 -d; echo " status $?"
printf '68656C6C6F' | basenc --base16 -d; echo " status $?"
printf '686' | basenc --base16 -d; echo " status $?"
printf '0110100001101001' | basenc --base2msbf -d; echo " status $?"
printf '0001011010010110' | basenc --base2lsbf -d; echo " status $?"
printf 'xK#0@zY<mx' | basenc --z85 -d; echo " status $?"
printf 'aGk_' | basenc --base64url -d; echo " status $?"
printf 'D1KG====' | basenc --base32hex -d; echo " status $?"
seq 1 30 | basenc --base16 -w 20
basenc bin.dat; echo "status $?"
