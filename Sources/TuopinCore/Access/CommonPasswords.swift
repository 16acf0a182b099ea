/// Passwords that must never be accepted: the most common in published leak studies (SplashData,
/// NordPass, the CSDN and 12306 leaks) and their keyboard-walk and pinyin variants. Compared in
/// lower case, after stripping digits and punctuation around them (`PasswordPolicy`).
enum CommonPasswords {
    static let all: Set<String> = Set(list.split(whereSeparator: \.isWhitespace).map(String.init))

    private static let list = """
        123456 1234567 12345678 123456789 1234567890 0123456789 12345 1234 123123 123321 111111 000000 666666 888888
        88888888 11111111 00000000 66666666 12341234 112233 121212 123qwe qwe123 a123456 a12345678 aa123456 abc123
        abc12345 abc123456 abcd1234 abcdef abcdefg 1q2w3e 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qaz2wsx3edc qazwsx qazwsxedc
        zxcvbnm zxcvbn asdfgh asdfghjkl qwerty qwertyuiop qwerty123 qwer1234 q1w2e3r4 password password1 passw0rd p@ssw0rd
        p@ssword pass1234 admin admin123 admin888 administrator root root123 toor guest test test123 user user123
        letmein welcome welcome1 iloveyou sunshine princess monkey dragon football baseball master shadow michael
        superman batman trustno1 hello hello123 whatever freedom starwars login changeme secret default
        5201314 520520 1314520 521521 woaini woaini1314 woaini520 iloveyou1314 5211314 147258369 147258 159357 159753
        987654321 9876543210 7758521 7758258 584520 aaaaaa aaaaaaaa a1b2c3 a1b2c3d4 zhangwei wangwei liwei
        baidu taobao tencent qq123456 qq5201314 china zhongguo beijing shanghai hunan hengyang tuopin fupin
        tuopin2020 fupin2020 jingzhunfupin xiangcunzhenxing gongzuo danwei mima mima123 wodemima
        """
}
