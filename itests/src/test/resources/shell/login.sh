# the first boot of a disk: /etc, a home directory, the profile
ls /etc
cat /etc/profile
cat /etc/passwd | grep -c pebble
echo $HOME $USER $SHELL
echo $PATH
ls -a /home
pwd
cd; pwd
ls /
echo 'export FROM_LOCAL=yes' > /etc/profile.local
sh -c 'echo child shell does not read the profile: [$FROM_LOCAL]'
