--TEST--
htmlspecialchars, htmlentities, html_entity_decode
--FILE--
<?php
var_dump(htmlspecialchars("<a href='x'>T&amp;C \"q\"</a>"), htmlspecialchars("a &amp; &foo; &#39; &", ENT_QUOTES, 'UTF-8', false));
var_dump(htmlentities("café <b> © ™ \xe9"), htmlentities("\xe9 \xa9", ENT_QUOTES, "ISO-8859-1"), htmlentities("fj ! \t", ENT_HTML5));
var_dump(html_entity_decode("&lt;p&gt; &amp;amp; &eacute; &#233; &#x41; &apos; &hellip; &NotEqualTilde;"), html_entity_decode("&apos; &NotEqualTilde;", ENT_QUOTES|ENT_HTML5));
var_dump(htmlspecialchars_decode("&lt;b&gt; &amp;quot; &quot; &#039; &#39; &apos; &eacute;"), htmlspecialchars_decode("&quot; &#039;", ENT_NOQUOTES));
var_dump(get_html_translation_table());
--EXPECT--
string(63) "&lt;a href=&#039;x&#039;&gt;T&amp;amp;C &quot;q&quot;&lt;/a&gt;"
string(29) "a &amp; &amp;foo; &#39; &amp;"
string(40) "caf&eacute; &lt;b&gt; &copy; &trade; �"
string(15) "&eacute; &copy;"
string(20) "&fjlig; &excl; &Tab;"
string(44) "<p> &amp; é é A &apos; … &NotEqualTilde;"
string(7) "' ≂̸"
string(32) "<b> &quot; " ' ' &apos; &eacute;"
string(13) "&quot; &#039;"
array(5) {
  ["""]=>
  string(6) "&quot;"
  ["&"]=>
  string(5) "&amp;"
  ["'"]=>
  string(6) "&#039;"
  ["<"]=>
  string(4) "&lt;"
  [">"]=>
  string(4) "&gt;"
}
