# base32 (and base64 through the same code) against GNU coreutils 9.1 (tools/gnu-expected)
base32 bin.dat
base32 bin.dat | base32 -d | cmp - bin.dat && echo same
printf '' | base32; echo "empty $?"
printf 'a' | base32; printf 'ab' | base32; printf 'abc' | base32; printf 'abcd' | base32
printf 'abcde' | base32; printf 'abcdef' | base32; printf 'abcdefghijk' | base32
seq 1 40 | base32
seq 1 40 | base32 -w 20
seq 1 40 | base32 -w0; echo
seq 1 40 | base32 --wrap=7 | base32 -d | tail -2
for s in MFRGG=== MFRGG MF====== M======= MFRGG===MFRGG=== MFRGG==== MFRGGZDF MFRGGZD= MFRGGZ== MFRG==== mfrgg=== 'MFR!GG===' MFRGG===x \
        MFRGG== MF===== 'MFR!' 'MFR!GGGG' MFRGGZD MFRGGZDFM MFRGGZDFMFRGG MFRG= 'MFRGG=x=='; do
    printf '%s' "$s" | base32 -d; echo " <- $s $?"
done
printf 'MF!RG#G===' | base32 -d -i; echo " -i $?"
printf 'MFRG\nGZDF\n' | base32 --decode; echo " newline $?"
for s in YQ== YQ YQ= YQ=== YWJj YWJjZA== 'YW!Jj' YQ==YQ== Y=== YWI= 'YW!' YWJ YWJjZ YWJjZA YWJjZA= 'YQ=x=' YWJjY; do
    printf '%s' "$s" | base64 -d; echo " <- $s $?"
done
printf 'Y!W#J!j' | base64 -d -i; echo " -i $?"
base32 -w x bin.dat; echo "status $?"
base32 nosuch.dat; echo "status $?"
base32 a b; echo "status $?"
