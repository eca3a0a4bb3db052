//! The fingerprint's canonical JSON, written straight from the model (D129).
//!
//! The fingerprint hashes the model's JSON as `serde_json::to_vec(&serde_json::to_value(doc))`
//! writes it: every object's keys sorted by their bytes (serde_json's `Map` is a `BTreeMap`
//! here; a repeated key keeps its last value), numbers and texts as serde_json writes them.
//! Building that `Value` tree cost about a third of loading a ruleset, so this serializer
//! writes the same bytes into one buffer instead: each object's members are written as they
//! come, then put in key order in place once the object ends (one copy per nesting level).
//! Scalars are written by serde_json itself, so their bytes are its bytes; the tests compare
//! the two writers over every shipped and conformance ruleset and over hand-made shapes.

use std::fmt;

use serde::ser::{self, Serialize};

/// Why the canonical JSON could not be written (a key that is not text, serde_json's private
/// number or raw-value types, or an error of the model's own `Serialize`).
#[derive(Debug)]
pub(crate) struct Unwritable(String);

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

impl From<serde_json::Error> for Unwritable {
    fn from(e: serde_json::Error) -> Self {
        Self(e.to_string())
    }
}

/// One object member written in `out`: its bytes `start..end` (`"key":value`) and its key's
/// raw text `key..key_end` in `keys`.
#[derive(Clone, Copy, Debug)]
struct Member {
    start: usize,
    end: usize,
    key: usize,
    key_end: usize,
}

/// The writer: the output, and stacks shared by the objects being written (an inner object
/// ends before its outer one goes on, so each object's members and keys are the top of them).
#[derive(Debug, Default)]
struct Canonical {
    out: Vec<u8>,
    keys: Vec<u8>,
    members: Vec<Member>,
    scratch: Vec<u8>,
}

/// The bytes `serde_json::to_vec(&serde_json::to_value(value)?)` gives.
pub(crate) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Unwritable> {
    let mut w = Canonical {
        out: Vec::with_capacity(16 * 1024),
        ..Canonical::default()
    };
    value.serialize(&mut w)?;
    Ok(w.out)
}

impl Canonical {
    /// A scalar, as serde_json writes it.
    fn json<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unwritable> {
        serde_json::to_writer(&mut self.out, v)?;
        Ok(())
    }

    /// A scalar that `to_value` first turns into a `Value` (floats, 128-bit integers): the
    /// same conversion, then written.
    fn via_value<T: Serialize>(&mut self, v: T) -> Result<(), Unwritable> {
        let v = serde_json::to_value(v)?;
        self.json(&v)
    }

    fn object(&mut self, close: usize) -> Object<'_> {
        self.out.push(b'{');
        Object {
            start: self.out.len(),
            members: self.members.len(),
            keys: self.keys.len(),
            member_start: self.out.len(),
            key_start: self.keys.len(),
            close,
            w: self,
        }
    }

    /// Writes `key` raw into `keys` and as JSON text into `out`, then `:`.
    fn key_text(&mut self, key: &str) -> Result<(), Unwritable> {
        self.keys.extend_from_slice(key.as_bytes());
        self.json(key)?;
        self.out.push(b':');
        Ok(())
    }
}

/// A JSON array being written.
#[derive(Debug)]
struct Array<'a> {
    w: &'a mut Canonical,
    first: bool,
    /// Closing bytes after `]` (`}` for a tuple variant).
    close: usize,
}

impl Array<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        if !self.first {
            self.w.out.push(b',');
        }
        self.first = false;
        value.serialize(&mut *self.w)
    }

    fn finish(self) -> Result<(), Unwritable> {
        self.w.out.push(b']');
        for _ in 0..self.close {
            self.w.out.push(b'}');
        }
        Ok(())
    }
}

/// A JSON object being written: members as they come, sorted when it ends.
#[derive(Debug)]
struct Object<'a> {
    w: &'a mut Canonical,
    /// Where the first member starts (after `{`).
    start: usize,
    /// This object's first entry in the members and keys stacks.
    members: usize,
    keys: usize,
    /// The member being written (map keys and values come in two calls).
    member_start: usize,
    key_start: usize,
    /// Closing bytes after this object's `}` (a struct variant's outer object).
    close: usize,
}

impl Object<'_> {
    fn begin(&mut self) {
        self.member_start = self.w.out.len();
        self.key_start = self.w.keys.len();
    }

    fn end_member(&mut self) {
        self.w.members.push(Member {
            start: self.member_start,
            end: self.w.out.len(),
            key: self.key_start,
            key_end: self.w.keys.len(),
        });
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Unwritable> {
        self.begin();
        self.w.key_text(key)?;
        value.serialize(&mut *self.w)?;
        self.end_member();
        Ok(())
    }

    /// Puts the members in key order (a repeated key: its last value, where the first was),
    /// separated by commas, and closes the object.
    fn finish(self) -> Result<(), Unwritable> {
        let w = self.w;
        let Canonical {
            out,
            keys,
            members,
            scratch,
        } = w;
        let ours = members.get_mut(self.members..).unwrap_or_default();
        let key_of = |m: &Member| keys.get(m.key..m.key_end).unwrap_or_default();
        ours.sort_by(|a, b| key_of(a).cmp(key_of(b)));
        scratch.clear();
        scratch.extend_from_slice(out.get(self.start..).unwrap_or_default());
        out.truncate(self.start);
        let mut first = true;
        let mut it = ours.iter().peekable();
        while let Some(m) = it.next() {
            if it.peek().is_some_and(|next| key_of(next) == key_of(m)) {
                continue; // a later member has the same key: BTreeMap keeps the last value
            }
            if !first {
                out.push(b',');
            }
            first = false;
            let bytes = scratch
                .get(m.start - self.start..m.end - self.start)
                .ok_or_else(|| Unwritable("member out of place".into()))?;
            out.extend_from_slice(bytes);
        }
        out.push(b'}');
        for _ in 0..self.close {
            out.push(b'}');
        }
        members.truncate(self.members);
        keys.truncate(self.keys);
        Ok(())
    }
}

macro_rules! scalars {
    ($($f:ident: $t:ty),*) => {$(
        fn $f(self, v: $t) -> Result<(), Unwritable> {
            self.json(&v)
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Canonical {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Array<'a>;
    type SerializeTupleStruct = Array<'a>;
    type SerializeTupleVariant = Array<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    scalars!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char);

    fn serialize_i128(self, v: i128) -> Result<(), Unwritable> {
        self.via_value(v)
    }

    fn serialize_u128(self, v: u128) -> Result<(), Unwritable> {
        self.via_value(v)
    }

    fn serialize_f32(self, v: f32) -> Result<(), Unwritable> {
        self.via_value(v)
    }

    fn serialize_f64(self, v: f64) -> Result<(), Unwritable> {
        self.via_value(v)
    }

    fn serialize_str(self, v: &str) -> Result<(), Unwritable> {
        self.json(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Unwritable> {
        self.json(v)
    }

    fn serialize_none(self) -> Result<(), Unwritable> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Unwritable> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unwritable> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Unwritable> {
        self.json(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        self.out.push(b'{');
        self.json(variant)?;
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Array<'a>, Unwritable> {
        self.out.push(b'[');
        Ok(Array {
            w: self,
            first: true,
            close: 0,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Array<'a>, Unwritable> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Array<'a>, Unwritable> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Array<'a>, Unwritable> {
        self.out.push(b'{');
        self.json(variant)?;
        self.out.extend_from_slice(b":[");
        Ok(Array {
            w: self,
            first: true,
            close: 1,
        })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Object<'a>, Unwritable> {
        Ok(self.object(0))
    }

    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Object<'a>, Unwritable> {
        if name.starts_with("$serde_json::private::") {
            // serde_json's own number and raw-value types: not in the model.
            return Err(Unwritable(format!("unexpected {name}")));
        }
        Ok(self.object(0))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Object<'a>, Unwritable> {
        self.out.push(b'{');
        self.json(variant)?;
        self.out.push(b':');
        Ok(self.object(1))
    }
}

impl ser::SerializeSeq for Array<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.finish()
    }
}

impl ser::SerializeTuple for Array<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Array<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Array<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.finish()
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unwritable> {
        self.begin();
        key.serialize(Key(&mut *self.w))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        value.serialize(&mut *self.w)?;
        self.end_member();
        Ok(())
    }

    fn end(self) -> Result<(), Unwritable> {
        self.finish()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Object<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.finish()
    }
}

/// A map key: text as serde_json's value serializer takes it (a text, a character, a unit
/// variant's name, a newtype's inner key, an integer or a boolean as its digits or word).
#[derive(Debug)]
struct Key<'a>(&'a mut Canonical);

fn not_text() -> Unwritable {
    Unwritable("key must be a string".into())
}

macro_rules! display_keys {
    ($($f:ident: $t:ty),*) => {$(
        fn $f(self, v: $t) -> Result<(), Unwritable> {
            self.0.key_text(&v.to_string())
        }
    )*};
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = ser::Impossible<(), Unwritable>;
    type SerializeTuple = ser::Impossible<(), Unwritable>;
    type SerializeTupleStruct = ser::Impossible<(), Unwritable>;
    type SerializeTupleVariant = ser::Impossible<(), Unwritable>;
    type SerializeMap = ser::Impossible<(), Unwritable>;
    type SerializeStruct = ser::Impossible<(), Unwritable>;
    type SerializeStructVariant = ser::Impossible<(), Unwritable>;

    display_keys!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16,
        serialize_i32: i32, serialize_i64: i64, serialize_i128: i128, serialize_u8: u8,
        serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128,
        serialize_char: char);

    fn serialize_f32(self, _v: f32) -> Result<(), Unwritable> {
        Err(not_text())
    }

    fn serialize_f64(self, _v: f64) -> Result<(), Unwritable> {
        Err(not_text())
    }

    fn serialize_str(self, v: &str) -> Result<(), Unwritable> {
        self.0.key_text(v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Unwritable> {
        Err(not_text())
    }

    fn serialize_none(self) -> Result<(), Unwritable> {
        Err(not_text())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), Unwritable> {
        Err(not_text())
    }

    fn serialize_unit(self) -> Result<(), Unwritable> {
        Err(not_text())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unwritable> {
        Err(not_text())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Unwritable> {
        self.0.key_text(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Unwritable> {
        Err(not_text())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Unwritable> {
        Err(not_text())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Unwritable> {
        Err(not_text())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unwritable> {
        Err(not_text())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unwritable> {
        Err(not_text())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Unwritable> {
        Err(not_text())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Unwritable> {
        Err(not_text())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unwritable> {
        Err(not_text())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use serde::Serialize;

    /// The old writer: the `Value` tree, then its bytes.
    fn old<T: Serialize + ?Sized>(v: &T) -> Vec<u8> {
        serde_json::to_vec(&serde_json::to_value(v).unwrap()).unwrap()
    }

    fn same<T: Serialize + ?Sized>(v: &T) {
        let new = super::to_vec(v).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&new),
            String::from_utf8_lossy(&old(v))
        );
    }

    #[derive(Serialize)]
    struct Inner {
        zeta: Option<u8>,
        alpha: Vec<i64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        mid: (bool, char, &'static str),
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u32),
        Tuple(u8, String),
        Struct { z: u8, a: u8 },
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    enum U {
        N(rust_decimal::Decimal),
        T(String),
    }

    #[derive(Serialize)]
    struct Flat {
        z: u8,
        #[serde(flatten)]
        inner: Inner,
        b: Vec<E>,
        u: Vec<U>,
    }

    #[test]
    fn writes_what_the_value_tree_writes() {
        same(&Flat {
            z: 1,
            inner: Inner {
                zeta: None,
                alpha: vec![-3, 0, i64::MAX],
                skipped: None,
                mid: (true, 'é', "a\"b\\c\n\u{1}đ"),
            },
            b: vec![
                E::Unit,
                E::New(7),
                E::Tuple(2, "x".into()),
                E::Struct { z: 1, a: 2 },
            ],
            u: vec![U::N("-12.500".parse().unwrap()), U::T("t".into())],
        });
        same(&[1.5f64, f64::NAN, 1e300, -0.0]);
        same(&[u128::MAX]);
        same(&[i128::MIN]);
        same(&());
        same(&Vec::<u8>::new());
        same(&BTreeMap::<String, u8>::new());
    }

    #[test]
    fn sorts_keys_by_their_bytes_and_keeps_a_repeated_keys_last_value() {
        let mut m = HashMap::new();
        for k in ["b", "a", "ab", "A", "\"q", "\\", "á", "a\u{0}", "z"] {
            m.insert(k.to_string(), vec![k.len()]);
        }
        same(&m);
        // Keys of other kinds, as serde_json turns them into text.
        let ints: BTreeMap<i32, bool> = [(10, true), (9, false), (-1, true)].into();
        same(&ints);
        // A repeated key (a flattened map beside a field of the same name): the last wins.
        #[derive(Serialize)]
        struct Dup {
            a: u8,
            #[serde(flatten)]
            more: BTreeMap<String, u8>,
        }
        let d = Dup {
            a: 1,
            more: [("a".to_string(), 2), ("0".to_string(), 3)].into(),
        };
        same(&d);
        assert_eq!(super::to_vec(&d).unwrap(), br#"{"0":3,"a":2}"#);
    }

    #[test]
    fn declines_what_serde_json_declines() {
        let floats: BTreeMap<String, BTreeMap<Vec<u8>, u8>> =
            [("k".to_string(), [(vec![1], 1)].into())].into();
        assert!(super::to_vec(&floats).is_err());
        assert!(serde_json::to_value(&floats).is_err());
    }
}
